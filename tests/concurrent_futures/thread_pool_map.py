# Executor.map on a ThreadPoolExecutor: results in input order over several iterables (the
# shortest wins), an exception re-raised at its position, a timeout, and closing the iterator
# early cancels what has not started.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, TimeoutError
import _deadline
_deadline.arm()


def slow_square(x):
    time.sleep(0.002 * (5 - x % 5))
    return x * x


with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(slow_square, range(12))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6], chunksize=7)))
    print(list(ex.map(abs, [])))
    it = ex.map(lambda x: 10 // x, [5, 2, 0, 1])
    print(next(it), next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
    print(list(it))

    gate = threading.Event()
    it = ex.map(lambda x: gate.wait(10) and x, [1, 2], timeout=0.05)
    try:
        list(it)
    except TimeoutError as e:
        print('timeout', type(e).__name__, repr(str(e)))
    gate.set()

with ThreadPoolExecutor(max_workers=1) as ex:
    gate = threading.Event()
    started = []

    def job(x):
        started.append(x)
        if x == 1:
            gate.wait(10)
        return x

    it = ex.map(job, range(5))
    print(next(it))
    while len(started) < 2:
        time.sleep(0.001)
    it.close()   # cancels the calls that have not started
    gate.set()
print(started)
try:
    ThreadPoolExecutor().map(abs, 5)
except TypeError as e:
    print(type(e).__name__, e)
