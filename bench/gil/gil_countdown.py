# Beazley's countdown: two CPU-bound threads against the same work run twice sequentially.
# Prints "countdown: sequential S s, 2 threads T s, ratio R" (runs on Python 2.7 and 3.x).
import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 5000000


def count(n):
    while n > 0:
        n -= 1


t0 = time.time()
count(N)
count(N)
seq = time.time() - t0
t0 = time.time()
ts = [threading.Thread(target=count, args=(N,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
par = time.time() - t0
print("countdown: sequential %.3f s, 2 threads %.3f s, ratio %.2f" % (seq, par, par / seq))
