# ProcessPoolExecutor: submit and map (with chunksize) run in worker processes; an exception
# is re-raised with the worker's traceback as __cause__ (_RemoteTraceback); argument errors.
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor, as_completed, wait
import _deadline


def cube(x):
    return x ** 3


def check(x):
    if x < 0:
        raise ArithmeticError('negative: %d' % x)
    return x


if __name__ == '__main__':
    _deadline.arm()
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(cube, 3)
        print(f.result(timeout=10), f.done(), f.exception())
        print(ex.submit(os.getpid).result(timeout=10) != os.getpid())
        print(list(ex.map(cube, range(8))))
        print(list(ex.map(pow, range(5), [2] * 5, chunksize=2)))
        print(list(ex.map(cube, range(10), chunksize=4, timeout=10)))
        print(sorted(f.result() for f in as_completed([ex.submit(cube, i) for i in range(4)])))
        done, not_done = wait([ex.submit(check, i) for i in range(3)], timeout=10)
        print(len(done), len(not_done))
        f = ex.submit(check, -2)
        e = f.exception(timeout=10)
        print(type(e).__name__, e, type(e.__cause__).__name__)
        text = str(e.__cause__)
        print(text.startswith('\n"""\nTraceback'), text.rstrip().splitlines()[-2:])
        print(any('in check' in line for line in text.splitlines()))
        it = ex.map(check, [1, -1, 2])
        print(next(it))
        try:
            next(it)
        except ArithmeticError as e:
            print('map raised', e)
        try:
            ex.map(cube, [1], chunksize=0)
        except ValueError as e:
            print(type(e).__name__, e)
        try:
            ex.submit(lambda: 1).result(timeout=10)
        except Exception as e:
            print('lambda:', type(e).__name__)
    print(mp.active_children())
    for kwargs in ({'max_workers': 0}, {'initializer': 1}, {'max_tasks_per_child': 0},
                   {'max_tasks_per_child': '1'},
                   {'max_tasks_per_child': 1, 'mp_context': mp.get_context('fork')}):
        try:
            ProcessPoolExecutor(**kwargs)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    ex = ProcessPoolExecutor(1)
    ex.shutdown()
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print(type(e).__name__, e)
