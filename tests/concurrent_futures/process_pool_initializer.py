# ProcessPoolExecutor(initializer=..., initargs=...) runs in each worker first; an
# initializer that raises is logged by the worker and breaks the pool (BrokenProcessPool).
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import _deadline

setting = 'unset'


def init(value):
    global setting
    setting = value


def get_setting(_=None):
    return setting


def bad_init():
    raise OSError('cannot initialise')


if __name__ == '__main__':
    _deadline.arm()
    with ProcessPoolExecutor(2, initializer=init, initargs=('configured',)) as ex:
        print(list(ex.map(get_setting, range(4))), setting)
    ex = ProcessPoolExecutor(1, initializer=bad_init)
    f = ex.submit(get_setting)
    try:
        f.result(timeout=10)
    except BrokenProcessPool as e:
        print(type(e).__name__, e)
    try:
        ex.submit(get_setting)
    except BrokenProcessPool as e:
        print(type(e).__name__, e)
    ex.shutdown()
    print(mp.active_children())
