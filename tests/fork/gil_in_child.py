# The GIL in the child of a fork made while other threads compete for it: the forking thread holds
# it alone, threads started in the child share it (switches happen, both make progress), and
# gilpy's GIL statistics restart with the forking thread only (checked only under gilpy; CPython
# prints the same lines).
import os
import sys
import threading
import time
import warnings

from _forkutil import child_exit, wait_child

GILPY = sys.implementation.name == "gilpy"
warnings.simplefilter("ignore", DeprecationWarning)

stop = threading.Event()


def spin():
    n = 0
    while not stop.is_set():
        n += 1


def sleeper():
    while not stop.is_set():
        time.sleep(0.0005)


parents = [threading.Thread(target=spin, name="spin%d" % i) for i in range(2)]
parents.append(threading.Thread(target=sleeper, name="sleeper"))
for t in parents:
    t.start()
time.sleep(0.02)  # let them contend for the GIL (drop requests in flight)

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    if GILPY:
        import _gil
        st = _gil.stats()
        names = [th["name"] for th in st["threads"]]
        print("child: statistics list the forking thread only:", names == ["MainThread"])
    else:
        print("child: statistics list the forking thread only:", True)
    # Two CPU-bound threads started in the child both run (the GIL is passed around).
    counts = [0, 0]
    go = threading.Event()
    done = threading.Event()

    def count(i):
        go.wait(10)
        while not done.is_set():
            counts[i] += 1

    cs = [threading.Thread(target=count, args=(i,)) for i in range(2)]
    for c in cs:
        c.start()
    go.set()
    deadline = time.monotonic() + 10
    while min(counts) < 1000 and time.monotonic() < deadline:
        time.sleep(0.005)
    done.set()
    for c in cs:
        c.join()
    print("child: both threads progressed:", min(counts) >= 1000)
    if GILPY:
        st = _gil.stats()
        alive = [th["name"] for th in st["threads"] if th["alive"]]
        print("child: statistics saw the child's threads:", len(st["threads"]) == 3 and alive == ["MainThread"])
    else:
        print("child: statistics saw the child's threads:", True)
    child_exit(0)
print("parent: child exit code:", wait_child(pid))
stop.set()
for t in parents:
    t.join()
