# Pool.imap / imap_unordered: lazy iterators over the results (in order, or as completed),
# chunksize, next(timeout), an exception at its position, invalid chunksize.
import multiprocessing as mp
import time
import _deadline


def inv(x):
    return 10 // x


def nap(t):
    time.sleep(t)
    return t


def numbers():
    yield from range(1, 6)


if __name__ == '__main__':
    _deadline.arm()
    with mp.Pool(2) as pool:
        it = pool.imap(inv, numbers())
        print(type(it).__name__, iter(it) is it, list(it))
        print(list(pool.imap(inv, range(1, 8), chunksize=3)))
        print(sorted(pool.imap_unordered(inv, range(1, 8))))
        print(sorted(pool.imap_unordered(inv, range(1, 8), chunksize=2)))
        print(list(pool.imap(inv, [])), list(pool.imap_unordered(inv, [])))
        it = pool.imap(inv, [5, 2, 0, 1])
        print(next(it), next(it))
        try:
            next(it)
        except ZeroDivisionError as e:
            print(type(e).__name__, e)
        print(next(it))
        try:
            next(it)
        except StopIteration:
            print('StopIteration')
        it = pool.imap(nap, [0.4])
        try:
            it.next(timeout=0.01)
        except mp.TimeoutError:
            print('TimeoutError')
        print(it.next(timeout=10))
        for size in (0, -1):
            try:
                pool.imap(inv, [1], chunksize=size)
            except ValueError as e:
                print(type(e).__name__, e)
        print(sorted(pool.imap_unordered(nap, [0.05, 0.0])))
    print(mp.active_children())
