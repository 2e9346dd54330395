# ThreadPoolExecutor(initializer=..., initargs=...) runs in each worker before its first call;
# an initializer that raises breaks the pool: pending calls fail with BrokenThreadPool, later
# submits raise it, and the failure is logged (last stderr line: the initializer's exception).
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool
from concurrent.futures import BrokenExecutor
import _deadline
_deadline.arm()

local = threading.local()


def init(tag, box):
    local.tag = tag
    box.append(threading.current_thread().name)


box = []
with ThreadPoolExecutor(max_workers=1, thread_name_prefix='ini', initializer=init,
                        initargs=('T', box)) as ex:
    print([ex.submit(lambda: local.tag).result(timeout=10) for _ in range(3)])
print(box)


def bad_init():
    gate.wait(10)   # fail only once everything is queued
    raise OSError('no resource')


gate = threading.Event()
ex = ThreadPoolExecutor(max_workers=1, initializer=bad_init)
fs = [ex.submit(abs, -1) for _ in range(3)]
gate.set()
for f in fs:
    e = f.exception(timeout=10)
    print(type(e).__name__, isinstance(e, BrokenExecutor), e)
try:
    ex.submit(abs, 1)
except BrokenThreadPool as e:
    print('submit:', type(e).__name__, e)
ex.shutdown()
