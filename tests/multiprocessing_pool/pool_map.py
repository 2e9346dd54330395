# Pool.map / starmap / map_async: results in order for any chunksize, empty and iterator
# inputs, the callback gets the whole list; errors for a closed pool.
import multiprocessing as mp
import _deadline


def square(x):
    return x * x


if __name__ == '__main__':
    _deadline.arm()
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        for chunksize in (1, 3, 20):
            print(chunksize, pool.map(square, range(7), chunksize))
        print(pool.map(square, []), pool.map(square, (x for x in range(4))))
        print(pool.starmap(pow, [(2, 5), (3, 3), (10, 2)]))
        print(pool.starmap(divmod, [(7, 2)], chunksize=1))
        got = []
        r = pool.map_async(square, range(5), callback=got.append)
        print(r.get(timeout=10), got, r.ready(), r.successful())
        r = pool.starmap_async(max, [(1, 5), (7, 2)], callback=got.append)
        print(r.get(timeout=10), got[-1])
        print(pool.map(len, ['a', 'bb', 'ccc'], chunksize=2))
        try:
            pool.map(square, 5)
        except TypeError as e:
            print(type(e).__name__, e)
        pool.close()
        for call in (lambda: pool.map(square, [1]), lambda: pool.map_async(square, [1]),
                     lambda: pool.starmap(pow, [(1, 1)])):
            try:
                call()
            except ValueError as e:
                print(type(e).__name__, e)
        pool.join()
    print(mp.active_children())
