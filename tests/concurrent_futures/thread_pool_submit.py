# ThreadPoolExecutor.submit: results and exceptions come back through the future, calls run in
# named worker threads, at most max_workers of them, idle workers are reused; argument errors.
import threading
import time
from concurrent.futures import ThreadPoolExecutor
import concurrent.futures.thread as cft
import _deadline
_deadline.arm()


def who(x, *, scale=1):
    return x * scale, threading.current_thread().name


with ThreadPoolExecutor(max_workers=2, thread_name_prefix='pool') as ex:
    f = ex.submit(who, 3, scale=2)
    print(f.result(timeout=10))
    g = ex.submit(int, 'x')
    try:
        g.result(timeout=10)
    except ValueError as e:
        print(type(e).__name__, e, g.exception() is not None)
    # Sequential submissions reuse the idle worker instead of starting a new one.
    for i in range(5):
        while ex._idle_semaphore._value == 0:   # until the worker is back waiting
            time.sleep(0.001)
        ex.submit(who, i).result(timeout=10)
    print(len(ex._threads))

    # Two calls that wait for each other need two workers at once.
    barrier = threading.Barrier(2, timeout=10)
    fs = [ex.submit(barrier.wait) for _ in range(2)]
    print(sorted(f.result(timeout=10) for f in fs))
    names = sorted(t.name for t in ex._threads)
    print(names, all(not t.daemon for t in ex._threads))
    for args, kwargs in (((), {}), ((), {'fn': abs})):
        try:
            ex.submit(*args, **kwargs)
        except TypeError as e:
            print(type(e).__name__)
    print(type(ex.submit(1).exception(timeout=10)).__name__)

ex = ThreadPoolExecutor()
print(ex._max_workers == min(32, (__import__('os').cpu_count() or 1) + 4))
print(ex._thread_name_prefix.startswith('ThreadPoolExecutor-'))
ex.shutdown()
for kwargs in ({'max_workers': 0}, {'max_workers': -1}, {'initializer': 3}):
    try:
        ThreadPoolExecutor(**kwargs)
    except (ValueError, TypeError) as e:
        print(kwargs, type(e).__name__, e)
print(issubclass(cft.BrokenThreadPool, cft._base.BrokenExecutor))
