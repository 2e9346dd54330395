# A thread blocked in time.sleep or in a lock wait holds nothing: its GIL hold time stays tiny
# while a CPU-bound thread runs, and it released the GIL voluntarily (gilpy's _gil statistics;
# CPython prints the same lines).
import sys
import threading
import time

GILPY = sys.implementation.name == "gilpy"
lock = threading.Lock()
lock.acquire()
results = {}


def sleeper():
    time.sleep(0.15)


def lock_waiter():
    lock.acquire(timeout=0.15)


def stats_of(name):
    import _gil
    for th in _gil.stats()["threads"]:
        if th["name"] == name:
            return th


a = threading.Thread(target=sleeper, name="sleeper")
b = threading.Thread(target=lock_waiter, name="waiter")
a.start()
b.start()
end = time.monotonic() + 0.2
n = 0
while time.monotonic() < end:   # the main thread is CPU-bound meanwhile
    n += 1
a.join()
b.join()
for name in ["sleeper", "waiter"]:
    if GILPY:
        th = stats_of(name)
        held_little = th["hold_time"] < 0.05
        released = th["voluntary_releases"] >= 1
        if not held_little:
            print(name, th, file=sys.stderr)
    else:
        held_little = released = True
    print(name, "held the GIL only briefly:", held_little, "released it:", released)
