# Manager().Array: an array.array kept in the manager, read and written through an ArrayProxy
# (len, indexing, slicing) from the parent and from a child process.
import multiprocessing as mp
import _deadline


def fill(arr):
    for i in range(len(arr)):
        arr[i] = i * 10


if __name__ == '__main__':
    _deadline.arm()
    with mp.Manager() as m:
        arr = m.Array('i', [0, 0, 0, 0])
        p = mp.Process(target=fill, args=(arr,))
        p.start()
        p.join(10)
        print(type(arr).__name__, len(arr), arr[1], arr[:], arr[1:3])
        arr[0] = -5
        print(arr[0], list(arr[:]))
        try:
            arr[9]
        except IndexError as e:
            print(type(e).__name__, e)
        try:
            arr[0] = 'x'
        except TypeError as e:
            print(type(e).__name__)
        d = m.Array('d', [0.5])
        print(d[0], d[:])
    print(mp.active_children())
