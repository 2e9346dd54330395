# Native work that releases the GIL runs in parallel: the same work done by two threads at once
# versus one after the other. On two free cores the ratio threaded/sequential is about 0.5; a
# GIL held through the work would make it about 1.0. Prints "name seconds" lines (read by
# bench/io/run.py): <work>_seq, <work>_par for sha256 (64 MiB), zlib.compress (8 MiB, level 6)
# and, under gilpy, the example extension's count_primes; <work>_procs is the same work in two
# forked processes at once, the machine's own parallelism at that moment (on a shared machine it
# may be far from 0.5 of sequential: compare the threads' ratio with it).
import hashlib
import os
import sys
import threading
import time
import zlib

data = hashlib.shake_256(b"gilpy").digest(1 << 20) * 64      # 64 MiB
# ~8 MiB of text with some noise: compresses, but not trivially
block = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i + data[i:i + 8]
                 for i in range(130000))


def sha():
    hashlib.sha256(data).digest()


def deflate():
    zlib.compress(block, 6)


works = [("sha256", sha), ("zlib", deflate)]
if sys.implementation.name == "gilpy":
    import primes
    works.append(("ext_primes", lambda: primes.count_primes(0, 3_000_000)))


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


for name, work in works:
    work()  # warm up
    seq = best(lambda: (work(), work()))

    def par():
        ts = [threading.Thread(target=work) for _ in range(2)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    def procs():
        pids = []
        for _ in range(2):
            pid = os.fork()
            if pid == 0:
                work()
                os._exit(0)
            pids.append(pid)
        for pid in pids:
            os.waitpid(pid, 0)

    print("%s_seq %.4f" % (name, seq))
    print("%s_par %.4f" % (name, best(par)))
    print("%s_procs %.4f" % (name, best(procs)))
