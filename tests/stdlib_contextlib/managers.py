import contextlib, io, sys
from contextlib import *
@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')
with tag('a') as t: print('body', t)
try:
    with tag('b'): raise ValueError('boom')
except ValueError as e: print('caught', e)
@contextmanager
def swallow():
    try: yield
    except KeyError: print('swallowed')
with swallow(): raise KeyError(1)
print('after')
@tag('deco')
def fn(): print('in fn')
fn()
with suppress(ZeroDivisionError): 1/0
print('suppressed ok')
buf = io.StringIO()
with redirect_stdout(buf): print('hidden')
print(repr(buf.getvalue()))
with ExitStack() as st:
    st.callback(print, 'cb1')
    st.enter_context(tag('x'))
    st.callback(print, 'cb2')
    print('inside stack')
with nullcontext(5) as v: print(v)
class R:
    def close(self): print('closed')
with closing(R()): pass
@contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)
try:
    with ExitStack() as st:
        st.callback(print, 'unwind')
        raise KeyError('k')
except KeyError as e: print('got', e)
print(isinstance(nullcontext(), AbstractContextManager))
