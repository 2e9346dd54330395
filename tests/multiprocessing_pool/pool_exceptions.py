# An exception raised in a worker is re-raised in the parent with the worker's traceback text
# as its __cause__ (RemoteTraceback); an unpicklable result becomes MaybeEncodingError; the
# last one is not caught (traceback on stderr, status 1).
import multiprocessing as mp
from multiprocessing.pool import RemoteTraceback, MaybeEncodingError
import _deadline


def inner(x):
    raise ValueError('bad value %r' % (x,))


def outer(x):
    return inner(x)


class Unpicklable:
    def __reduce__(self):
        raise TypeError('no pickling')

    def __repr__(self):
        return 'Unpicklable()'


def make(x):
    return Unpicklable()


if __name__ == '__main__':
    _deadline.arm()
    with mp.Pool(1) as pool:
        try:
            pool.apply(outer, (3,))
        except ValueError as e:
            cause = e.__cause__
            print(type(e).__name__, e, type(cause).__name__, isinstance(cause, RemoteTraceback))
            lines = str(cause).splitlines()
            print(lines[:2], lines[-2:])
            print([l.strip() for l in lines if 'inner' in l or 'outer' in l])
        try:
            pool.map(outer, [1, 2])
        except ValueError as e:
            print('map:', e)
        try:
            pool.map(make, [1])
        except MaybeEncodingError as e:
            print(type(e).__name__, e)
            print(repr(e), e.exc, e.value)
        print(pool.apply(abs, (-4,)))
        pool.apply(outer, ('final',))
