# A worker killed by SIGKILL while running a task does not hang the pool: the pool replaces
# it and keeps serving, the lost task never produces a result, and terminate() cleans up with
# no zombie left.
import multiprocessing as mp
import os
import signal
import _deadline


def suicide(_):
    os.kill(os.getpid(), signal.SIGKILL)


def square(x):
    return x * x


if __name__ == '__main__':
    _deadline.arm()
    pool = mp.Pool(2)
    lost = pool.apply_async(suicide, (0,))
    try:
        lost.get(timeout=0.5)
        print('unexpected result')
    except Exception:
        print('the lost task has no result')
    print(pool.map(square, range(8)))
    print(pool.apply(square, (9,)))
    print(len(pool._pool))
    pool.terminate()
    pool.join()
    print(mp.active_children())
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        print('no zombie')
