# Future's state machine driven by hand: pending -> running -> finished, cancellation, the
# errors for transitions that are not allowed, and repr in each state.
import logging
from concurrent.futures import (Future, CancelledError, InvalidStateError, TimeoutError)
import concurrent.futures._base as base

logging.getLogger('concurrent.futures').setLevel(logging.CRITICAL + 1)


def state(f):
    r = repr(f)
    return r[:r.index(' at ')] + r[r.index(' state='):], f.running(), f.done(), f.cancelled()


f = Future()
print(state(f))
print(f.set_running_or_notify_cancel(), state(f))
print('cancel running:', f.cancel(), state(f))
f.set_result([1, 2])
print(state(f), f.result(), f.exception())
for call in (lambda: f.set_result(3), lambda: f.set_exception(ValueError()),
             f.set_running_or_notify_cancel):
    try:
        call()
    except (InvalidStateError, RuntimeError) as e:
        msg = str(e)
        print(type(e).__name__, msg[:msg.find(' at ')] if ' at ' in msg else msg)
print('cancel finished:', f.cancel())

f = Future()
f.set_exception(KeyError('k'))
print(state(f), repr(f.exception()))
try:
    f.result()
except KeyError as e:
    print('result raised', repr(e), e is f.exception())

f = Future()
print('cancel pending:', f.cancel(), f.cancel(), state(f))
for meth in (f.result, f.exception):
    try:
        meth()
    except CancelledError as e:
        print(meth.__name__, type(e).__name__, type(e).__mro__[1].__name__)
print('notify cancel:', f.set_running_or_notify_cancel(), f._state)
try:
    f.set_result(1)
except InvalidStateError as e:
    print(type(e).__name__, str(e).split(':')[0])

f = Future()
for meth in (f.result, f.exception):
    try:
        meth(timeout=0.01)
    except TimeoutError as e:
        print(meth.__name__, 'timeout', type(e) is TimeoutError, repr(str(e)))
f.set_result(None)
print(state(f), f.result(timeout=0))
print(Future[int], issubclass(base.BrokenExecutor, RuntimeError),
      issubclass(InvalidStateError, base.Error), base.TimeoutError is TimeoutError)
