# __traceback__, with_traceback() and traceback frame line numbers.
def fail():
    raise ValueError("deep")
def middle():
    fail()
try:
    middle()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(lines)
    saved = e.__traceback__
e2 = RuntimeError("reuse")
print(e2.__traceback__, e2.with_traceback(saved) is e2, e2.__traceback__ is saved)
try:
    raise e2
except RuntimeError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
try:
    raise KeyError("k").with_traceback(None)
except KeyError as e:
    print(type(e.__traceback__).__name__, e.__traceback__.tb_next)
try:
    ValueError().with_traceback(5)
except TypeError as e:
    print(type(e).__name__, e)
ex = OSError("x")
ex.__traceback__ = None
try:
    ex.__traceback__ = "tb"
except TypeError as e:
    print(type(e).__name__, e)
class Custom(Exception): pass
def thrower():
    raise Custom("with tb")
try:
    thrower()
except Custom as c:
    print(c.__traceback__.tb_lineno, c.__traceback__.tb_next.tb_lineno, c.__traceback__.tb_next.tb_frame.f_code.co_name)
