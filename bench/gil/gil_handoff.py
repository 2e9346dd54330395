# GIL costs: (1) an uncontended release + take (gilpy: _gil._bench_release_take times the cycle
# in C++; elsewhere time.sleep(0) minus abs(), which includes the sleep system call);
# (2) one forced hand-off between two threads: two threads alternate strictly through a pair
# of locks (each round = 2 hand-offs of the GIL through blocking waits).
import sys
import threading
import time

clock = getattr(time, "perf_counter", time.time)
N = 200000


def per_call(fn, arg):
    t0 = clock()
    for _ in range(N):
        fn(arg)
    return (clock() - t0) / N * 1e6


try:
    import _gil   # gilpy: the release+take cycle itself, timed in C++
    print("uncontended release+take: %.3f us" % (min(_gil._bench_release_take(N) for _ in range(3)) / 1000.0))
except ImportError:
    # elsewhere: time.sleep(0) (releases and re-takes the GIL around a zero sleep) minus abs()
    base = min(per_call(abs, 0) for _ in range(3))
    slp = min(per_call(time.sleep, 0) for _ in range(3))
    print("uncontended release+take (sleep(0) - abs(), includes the sleep syscall): %.3f us" % (slp - base))

ROUNDS = 20000
a = threading.Lock()
b = threading.Lock()
a.acquire()
b.acquire()


def ping():
    for _ in range(ROUNDS):
        a.acquire()
        b.release()


t = threading.Thread(target=ping)
t.start()
t0 = clock()
for _ in range(ROUNDS):
    a.release()
    b.acquire()
el = clock() - t0
t.join()
print("hand-off between two threads (lock ping-pong): %.2f us per hand-off" % (el / ROUNDS / 2 * 1e6))
