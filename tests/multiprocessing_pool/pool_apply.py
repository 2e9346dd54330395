# Pool.apply / apply_async: callbacks and error callbacks, AsyncResult.get with a timeout,
# wait, ready, successful (ValueError before it is ready).
import multiprocessing as mp
import time
import _deadline


def add(a, b=0, *, c=0):
    return a + b + c


def fail(msg):
    raise LookupError(msg)


def nap(t):
    time.sleep(t)
    return t


if __name__ == '__main__':
    _deadline.arm()
    with mp.Pool(2) as pool:
        print(pool.apply(add, (1, 2)), pool.apply(add, (1,), {'c': 5}), pool.apply(str))
        events = []
        r = pool.apply_async(add, (2, 3), callback=lambda v: events.append(('cb', v)),
                             error_callback=lambda e: events.append(('err', e)))
        print(r.get(timeout=10), r.ready(), r.successful())
        r = pool.apply_async(fail, ('nope',), callback=lambda v: events.append(('cb', v)),
                             error_callback=lambda e: events.append(('err', repr(e))))
        r.wait(timeout=10)
        print(r.ready(), r.successful())
        try:
            r.get()
        except LookupError as e:
            print('get raised', type(e).__name__, e)
        print(events)
        slow = pool.apply_async(nap, (0.5,))
        try:
            slow.successful()
        except ValueError as e:
            print('ValueError', str(e).endswith('not ready'))
        try:
            slow.get(timeout=0.01)
        except mp.TimeoutError as e:
            print('timeout', type(e).__name__, type(e).__mro__[1].__name__)
        slow.wait(0.01)
        print(slow.ready())
        print(slow.get(timeout=10))
        try:
            pool.apply(add, 5)
        except TypeError as e:
            print(type(e).__name__)
        print(type(r).__name__, mp.pool.AsyncResult is mp.pool.ApplyResult)
    print(mp.active_children())
