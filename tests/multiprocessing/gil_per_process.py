# Every process runs under its own GIL: a child's GIL statistics start fresh (only its own main
# thread, none of the parent's switches), and CPU-bound children proceed while the parent holds
# its own GIL in a pure-Python loop. gilpy's `_gil` figures are checked only under gilpy; the
# same labels print True under CPython.
import multiprocessing as mp
import signal
import sys
import threading

GILPY = sys.implementation.name == "gilpy"


def spin(n):
    x = 0
    for i in range(n):
        x += i
    return x


def child_stats(out):
    spin(20000)
    if GILPY:
        import _gil
        st = _gil.stats()
        names = [t["name"] for t in st["threads"] if t["alive"]]
        out.put((names, st["switches"], st["wall_time"]))
    else:
        out.put((["MainThread"], 0, 0.0))


def counter(shared, stop):
    # Pure-Python loop: holds this process's GIL except at switch points.
    while not stop.value:
        shared.value += 1


if __name__ == "__main__":
    signal.alarm(45)
    # Make the parent's GIL busy: two CPU-bound threads force switches.
    threads = [threading.Thread(target=spin, args=(300000,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    parent = None
    if GILPY:
        import _gil
        parent = _gil.stats()
    for method in ("fork", "spawn"):
        ctx = mp.get_context(method)
        out = ctx.SimpleQueue()
        p = ctx.Process(target=child_stats, args=(out,))
        p.start()
        names, switches, wall = out.get()
        p.join(20)
        print(method, "child sees only its main thread:", names == ["MainThread"])
        ok = True
        if GILPY:
            ok = switches < parent["switches"] or parent["switches"] == 0
            if not ok:
                print("child switches", switches, "parent", parent["switches"], file=sys.stderr)
        print(method, "child's switch count is its own:", ok)

    # Two children count in pure-Python loops while the parent busy-waits (never blocking)
    # until both have counted far: each process makes progress under its own GIL.
    stop = mp.Value("i", 0, lock=False)
    counts = [mp.Value("q", 0, lock=False) for _ in range(2)]
    ps = [mp.Process(target=counter, args=(c, stop)) for c in counts]
    for p in ps:
        p.start()
    import time
    deadline = time.monotonic() + 20
    while min(c.value for c in counts) < 100000 and time.monotonic() < deadline:
        pass
    stop.value = 1
    for p in ps:
        p.join(10)
    print("both children counted while the parent spun:", min(c.value for c in counts) >= 100000,
          [p.exitcode for p in ps])
