# wait(): ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION and a timeout, on futures completed by
# hand and by another thread; an unknown return_when is a ValueError.
import threading
from concurrent.futures import (Future, wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
import _deadline
_deadline.arm()

a, b, c = Future(), Future(), Future()
names = {a: 'a', b: 'b', c: 'c'}


def show(res):
    return sorted(names[f] for f in res.done), sorted(names[f] for f in res.not_done)


print(show(wait([a, b, c], timeout=0)))
print(show(wait([a, b, c], timeout=0.01, return_when=FIRST_COMPLETED)))
a.set_result(1)
print(show(wait([a, b, c], return_when=FIRST_COMPLETED)))
print(show(wait([a, b, c], timeout=0.01, return_when=FIRST_EXCEPTION)))
b.cancel()
print('cancelled but not notified:', show(wait([b], timeout=0)))
b.set_running_or_notify_cancel()
print(show(wait([a, b, b, c], timeout=0)))
c.set_exception(ValueError())
res = wait([a, b, c], return_when=FIRST_EXCEPTION)
print(type(res).__name__, res._fields, show(res))
print(show(wait([a, b, c], return_when=ALL_COMPLETED)))

# Completed by another thread while wait() blocks.
for mode in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
    fs = [Future() for _ in range(3)]
    start = threading.Event()

    def finish():
        start.wait()
        fs[1].set_exception(KeyError())
        fs[0].set_result(0)
        fs[2].set_result(2)

    t = threading.Thread(target=finish)
    t.start()
    start.set()
    done, not_done = wait(fs, timeout=10, return_when=mode)
    t.join()
    print(mode, fs[1] in done, len(done) + len(not_done))
    print(not any(f._waiters for f in fs))

try:
    wait([Future()], return_when='SOMETIMES')
except ValueError as e:
    print(type(e).__name__, e)
print(show(wait([], timeout=0)))
