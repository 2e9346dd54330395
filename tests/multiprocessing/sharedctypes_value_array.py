# Value/Array/RawValue/RawArray: shared between a parent and a forked child, the typecodes,
# ctypes-like .value / indexing / slicing, the locks, and the errors of bad initialisers.
import multiprocessing as mp
import signal

signal.alarm(45)


def modify(v, a, s, raw):
    with v.get_lock():
        v.value += 10
    a[0] = -1
    a[1:3] = [7, 8]
    s.value = b"child"
    raw[0] = 3.5


if __name__ == "__main__":
    v = mp.Value("i", 5)
    a = mp.Array("i", range(5))
    s = mp.Array("c", 10)
    raw = mp.RawArray("d", 2)
    p = mp.Process(target=modify, args=(v, a, s, raw))
    p.start()
    p.join(10)
    print(p.exitcode, v, v.value, a[:], s.value, s.raw, raw[:], list(raw))

    for code, init in [("c", b"x"), ("u", "y"), ("b", -3), ("B", 255), ("h", -300), ("H", 65535),
                       ("i", -7), ("I", 7), ("l", -2**40), ("L", 2**40), ("q", -1), ("Q", 1),
                       ("f", 0.1), ("d", 2.5)]:
        print(code, mp.RawValue(code, init), mp.RawValue(code))
    print(mp.RawValue("i", 2**40), mp.RawValue("B", 256), mp.RawValue("b", 200))

    arr = mp.RawArray("i", [1, 2, 3, 4])
    print(len(arr), arr[0], arr[-1], arr[1:3], arr[::-1], list(arr), type(arr).__name__)
    arr[::2] = [10, 30]
    print(arr[:])
    u = mp.RawArray("u", "abc")
    print(u[:], u.value, u[1])
    c = mp.Array("c", b"hello")
    print(type(c).__name__, c.value, c[1], c[1:3], len(c))
    c.value = b"hi"
    print(c.raw, c.value)

    w = mp.Value("d", 1.5)
    print(type(w).__name__, w, w.get_obj(), w.get_lock())
    with w:
        w.value *= 2
    print(w.value)
    print(mp.Value("i", 3, lock=False), mp.Value("i", lock=mp.Lock()).get_lock())
    arr2 = mp.Array("d", 3)
    print(type(arr2).__name__, arr2[:], len(arr2), type(arr2.get_obj()).__name__)

    bad = [lambda: mp.Value("i", 1.5), lambda: mp.Value("x"), lambda: mp.Value("i", "a"),
           lambda: mp.Value("i", lock=5), lambda: mp.RawArray("i", [1.5]),
           lambda: mp.Value("c", "a"), lambda: mp.Value("c", b"ab"), lambda: mp.Value("u", "ab"),
           lambda: mp.RawArray("i", -1), lambda: mp.Value("i", 1, 2),
           lambda: arr[4], lambda: arr.__setitem__(0, 1.5), lambda: arr.__setitem__(slice(0, 2), [1]),
           lambda: arr["x"], lambda: mp.Value("d", "z")]
    for f in bad:
        try:
            f()
        except Exception as e:
            print(type(e).__name__, e)
    import pickle
    try:
        pickle.dumps(mp.Value("i"))
    except RuntimeError as e:
        print("RuntimeError", e)
