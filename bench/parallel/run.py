#!/usr/bin/env python3
"""Issue 8's benchmark: a CPU-bound pure-Python job run sequentially, by 2 threads, by
multiprocessing.Pool(2) and by ProcessPoolExecutor(2), plus process start-up (fork, spawn) and
the Pool.apply round trip, under gilpy and CPython 3.12 in the same run. Prints a table of
times and speed-ups over sequential (the median of --repeat runs of parallel_job.py).

    bench/parallel/run.py [--gilpy build/gilpy] [--repeat 3] [--scale 1.0]
"""
import argparse
import json
import os
import statistics
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JOBS = ('sequential', '2 threads', 'Pool(2)', 'ProcessPoolExecutor(2)')
COSTS = (('start fork', 'process start+join, fork'), ('start spawn', 'process start+join, spawn'),
         ('apply round trip', 'pool.apply round trip'))


def cpython():
    p = os.path.expanduser('~/.pyenv/versions/3.12.1/bin/python3')
    return p if os.path.exists(p) else None


def measure(cmd, repeat, scale):
    runs = []
    for _ in range(repeat):
        r = subprocess.run(cmd + [os.path.join(HERE, 'parallel_job.py'), '--scale', str(scale)],
                           capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            raise SystemExit('%s failed:\n%s' % (' '.join(cmd), r.stderr[-2000:]))
        runs.append(json.loads(r.stdout))
    return {k: None if runs[0][k] is None else statistics.median(run[k] for run in runs)
            for k in runs[0]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default=os.path.join(ROOT, 'build', 'gilpy'))
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--scale', type=float, default=1.0, help='job size (1.0: ~1-2 s sequential)')
    args = ap.parse_args()
    interps = [('gilpy', [args.gilpy])]
    if cpython():
        interps.append(('CPython 3.12', [cpython()]))
    res = [(label, measure(cmd, args.repeat, args.scale)) for label, cmd in interps]
    primes = {r['primes'] for _, r in res}
    if len(primes) != 1:
        raise SystemExit('interpreters disagree on the prime count: %s' % primes)
    print('CPU-bound job: %d primes counted in 8 chunks (median of %d runs)\n'
          % (primes.pop(), args.repeat))
    head = '%-26s' % 'mode' + ''.join('%14s %8s' % (label, 'speed-up') for label, _ in res)
    print(head)
    print('-' * len(head))
    for job in JOBS:
        print('%-26s' % job + ''.join('%13.3fs %7.2fx' % (r[job], r['sequential'] / r[job])
                                      for _, r in res))
    print()
    print('%-26s' % 'cost per operation' + ''.join('%14s' % label for label, _ in res))
    for key, label in COSTS:
        print('%-26s' % label + ''.join('%14s' % ('n/a' if r[key] is None else
                                                  '%.2fms' % (r[key] * 1000)) for _, r in res))


if __name__ == '__main__':
    main()
