"""One interpreter's side of bench/parallel/run.py: times a CPU-bound pure-Python job run
sequentially, by 2 threads, by multiprocessing.Pool(2) and by ProcessPoolExecutor(2), then the
cost of starting a process (fork and spawn) and of one Pool.apply round trip. Prints one JSON
object (seconds) on stdout.

    <python> bench/parallel/parallel_job.py [--scale 1.0]
"""
import json
import multiprocessing as mp
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

CHUNKS = 8   # the job is split into 8 equal chunks, whatever runs them


def count_primes(lo, hi):
    """Primes in [lo, hi) by trial division: pure-Python integer work."""
    n = 0
    for k in range(max(lo, 2), hi):
        d = 2
        while d * d <= k:
            if k % d == 0:
                break
            d += 1
        else:
            n += 1
    return n


def chunk_bounds(limit):
    # Interleaved chunks so that every chunk has the same cost (big numbers cost more).
    return [(i, limit, CHUNKS) for i in range(CHUNKS)]


def count_chunk(args):
    start, limit, step = args
    n = 0
    for base in range(start * 1000, limit, step * 1000):
        n += count_primes(base, min(base + 1000, limit))
    return n


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def sequential(chunks):
    return sum(count_chunk(c) for c in chunks)


def two_threads(chunks):
    results = []
    threads = [threading.Thread(target=lambda part: results.append(sum(map(count_chunk, part))),
                                args=(chunks[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(results)


def with_pool(chunks):
    with mp.Pool(2) as pool:
        return sum(pool.map(count_chunk, chunks, chunksize=1))


def with_executor(chunks):
    with ProcessPoolExecutor(2) as ex:
        return sum(ex.map(count_chunk, chunks))


def empty():
    pass


def trivial(x):
    return x


def process_startup(method, n):
    """Seconds per start+join of an empty process, or None when the method is unavailable."""
    try:
        ctx = mp.get_context(method)
        t = time.perf_counter()
        for _ in range(n):
            p = ctx.Process(target=empty)
            p.start()
            p.join()
        return (time.perf_counter() - t) / n
    except Exception as e:
        print('%s start-up not measured: %s: %s' % (method, type(e).__name__, e), file=sys.stderr)
        return None


def apply_round_trip(n):
    with mp.Pool(1) as pool:
        pool.apply(trivial, (1,))   # the worker is up
        t = time.perf_counter()
        for i in range(n):
            pool.apply(trivial, (i,))
        return (time.perf_counter() - t) / n


def main():
    scale = float(sys.argv[sys.argv.index('--scale') + 1]) if '--scale' in sys.argv else 1.0
    limit = int(400_000 * scale)
    chunks = chunk_bounds(limit)
    out = {}
    expected = None
    for name, fn in (('sequential', sequential), ('2 threads', two_threads),
                     ('Pool(2)', with_pool), ('ProcessPoolExecutor(2)', with_executor)):
        out[name], result = timed(lambda: fn(chunks))
        if expected is None:
            expected = result
        elif result != expected:
            raise SystemExit('%s counted %d primes, sequential %d' % (name, result, expected))
    out['primes'] = expected
    out['start fork'] = process_startup('fork', 20)
    out['start spawn'] = process_startup('spawn', 5)
    out['apply round trip'] = apply_round_trip(500)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
