# ThreadPoolExecutor.shutdown: wait=True joins the workers after the queued calls ran,
# cancel_futures=True cancels the calls not started, wait=False returns at once, submit after
# shutdown is a RuntimeError, shutdown twice is fine; the with statement shuts down.
import threading
import time
from concurrent.futures import ThreadPoolExecutor
import _deadline
_deadline.arm()

ex = ThreadPoolExecutor(max_workers=2)
fs = [ex.submit(time.sleep, 0.01) for _ in range(6)]
ex.shutdown(wait=True)
print([f.done() for f in fs], [t.is_alive() for t in ex._threads])
ex.shutdown()
try:
    ex.submit(abs, 1)
except RuntimeError as e:
    print(type(e).__name__, e)

gate = threading.Event()
ex = ThreadPoolExecutor(max_workers=1)
running = ex.submit(gate.wait, 10)
queued = [ex.submit(abs, -i) for i in range(4)]
while not running.running():
    time.sleep(0.001)
ex.shutdown(wait=False, cancel_futures=True)
print(running.running(), [f.cancelled() for f in queued])
gate.set()
print(running.result(timeout=10))
for t in ex._threads:
    t.join(10)
    print('joined', t.is_alive())

# Without cancel_futures the queued calls still run after shutdown(wait=False).
gate = threading.Event()
ex = ThreadPoolExecutor(max_workers=1)
first = ex.submit(gate.wait, 10)
rest = [ex.submit(pow, 2, i) for i in range(4)]
ex.shutdown(wait=False)
gate.set()
print([f.result(timeout=10) for f in rest])

with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(time.sleep, 0.01) for _ in range(3)]
print(all(f.done() for f in fs), any(t.is_alive() for t in ex._threads))
try:
    ex.submit(abs, 1)
except RuntimeError as e:
    print(type(e).__name__, e)
