# as_completed(): futures in the order they complete, those done beforehand first, duplicates
# once; a timeout raises TimeoutError naming how many are unfinished.
import threading
from concurrent.futures import Future, as_completed, TimeoutError
import _deadline
_deadline.arm()

fs = [Future() for _ in range(4)]
name = {f: i for i, f in enumerate(fs)}
fs[2].set_result('early')
go = [threading.Event() for _ in range(4)]
step = threading.Event()


def finisher():
    for i in (3, 0, 1):
        go[i].wait()
        fs[i].set_result(i)


t = threading.Thread(target=finisher)
t.start()
seen = []
it = as_completed(fs + [fs[0], fs[2]], timeout=10)
for f in it:
    seen.append((name[f], f.result()))
    if len(seen) == 1:
        go[3].set()
    elif len(seen) == 2:
        go[0].set()
    elif len(seen) == 3:
        go[1].set()
t.join()
print(seen)
print(sum(len(f._waiters) for f in fs))

pending = [Future(), Future(), Future()]
pending[1].set_result(1)
got = []
try:
    for f in as_completed(pending, timeout=0.05):
        got.append(f.result())
except TimeoutError as e:
    print(got, type(e).__name__, e)
print(sum(len(f._waiters) for f in pending))

c = Future()
c.cancel()
try:
    next(as_completed([c], timeout=0.01))
except TimeoutError as e:
    print('cancelled, not yet notified:', e)
c.set_running_or_notify_cancel()
print([f.cancelled() for f in as_completed([c], timeout=0)])
print(list(as_completed([])))
