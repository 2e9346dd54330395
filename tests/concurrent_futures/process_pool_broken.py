# A worker of a ProcessPoolExecutor killed by SIGKILL: nothing hangs; the running and pending
# futures fail with BrokenProcessPool, submit() raises it, and no child is left behind.
import multiprocessing as mp
import os
import signal
from concurrent.futures import ProcessPoolExecutor, BrokenExecutor
from concurrent.futures.process import BrokenProcessPool
import _deadline


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def square(x):
    return x * x


if __name__ == '__main__':
    _deadline.arm()
    ex = ProcessPoolExecutor(max_workers=1)
    print(ex.submit(square, 4).result(timeout=10))
    killer = ex.submit(die)
    pending = [ex.submit(square, i) for i in range(3)]
    for f in [killer] + pending:
        e = f.exception(timeout=10)
        print(type(e).__name__, isinstance(e, BrokenExecutor), e)
    try:
        ex.submit(square, 1)
    except BrokenProcessPool as e:
        print('submit:', type(e).__name__, e)
    ex.shutdown(wait=True)
    print(mp.active_children())
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        print('no zombie')

    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(os._exit, 3)
        print(type(f.exception(timeout=10)).__name__)
    print(mp.active_children())
