# multiprocessing.pool.ThreadPool: the Pool API run by threads of this process, so functions
# need not be picklable; exceptions come back without a remote traceback.
from multiprocessing.pool import ThreadPool
import threading
import _deadline
_deadline.arm()

with ThreadPool(3) as pool:
    print(pool.map(lambda x: x * 2, range(6)))
    print(pool.starmap(lambda a, b: a - b, [(5, 1), (9, 3)]))
    print(sorted(pool.imap_unordered(lambda x: -x, range(4))))
    print(list(pool.imap(str, range(5), chunksize=2)))
    box = []
    r = pool.apply_async(box.append, (1,), callback=lambda v: box.append(('cb', v)))
    r.wait(10)
    print(box, r.successful())
    try:
        pool.apply(lambda: {}['k'])
    except KeyError as e:
        print(type(e).__name__, e, e.__cause__)
    names = set(pool.map(lambda _: threading.current_thread() is threading.main_thread(),
                         range(6)))
    print(names)
    print(repr(pool).startswith('<multiprocessing.pool.ThreadPool state=RUN'))
pool.join()
print(threading.active_count())

tls = threading.local()


def init(v):
    tls.v = v


with ThreadPool(2, initializer=init, initargs=(7,)) as pool:
    print(pool.map(lambda _: tls.v, range(4)))
try:
    ThreadPool(0)
except ValueError as e:
    print(type(e).__name__, e)
