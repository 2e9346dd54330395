# Pool construction errors, initializer/initargs, maxtasksperchild (workers replaced),
# repr, close/join/terminate and the with statement; no zombie processes afterwards.
import multiprocessing as mp
import os
import _deadline

tag = None


def init(value):
    global tag
    tag = value


def get_tag(_):
    return tag


if __name__ == '__main__':
    _deadline.arm()
    for kwargs in ({'processes': 0}, {'processes': -2}, {'maxtasksperchild': 0},
                   {'maxtasksperchild': 1.5}, {'initializer': 'x'}):
        try:
            mp.Pool(**kwargs)
        except (ValueError, TypeError) as e:
            print(kwargs, type(e).__name__, e)

    pool = mp.Pool(2, initializer=init, initargs=('ready',))
    print(repr(pool), len(pool._pool))
    print(pool.map(get_tag, range(4)))
    try:
        pool.join()
    except ValueError as e:
        print(type(e).__name__, e)
    pool.close()
    print(repr(pool))
    pool.close()
    pool.join()
    print([p.is_alive() for p in mp.active_children()])

    pool = mp.Pool(1, maxtasksperchild=2)
    pids = [pool.apply(os.getpid) for _ in range(6)]
    print('distinct workers:', len(set(pids)), pids[0] == pids[1], pids[1] != pids[2])
    pool.terminate()
    print(repr(pool))
    pool.join()
    pool.terminate()

    with mp.Pool(2) as pool:
        print(pool.apply(abs, (-1,)))
    print(repr(pool))
    try:
        with pool:
            pass
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        __import__('pickle').dumps(mp.Pool(1))
    except NotImplementedError as e:
        print(type(e).__name__, e)
    print(mp.active_children())
    try:
        while os.waitpid(-1, os.WNOHANG) != (0, 0):
            pass
        print('children left')
    except ChildProcessError:
        print('no children left')
