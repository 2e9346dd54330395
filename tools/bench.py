#!/usr/bin/env python3
"""Run the benchmark programs under gilpy and CPython 3.12, alternately, and compare.

Each program in bench/programs/ prints a checksum line; the runner checks that gilpy prints
exactly what CPython prints (a wrong answer cannot pass as a fast one), times each run (wall
clock, including start-up), reads each run's peak RSS from the kernel (wait4), and prints:

    program | CPython median | gilpy median | gilpy/CPython | peak RSS CPython | peak RSS gilpy

with the geometric mean of the ratios. Runs alternate between the two interpreters so that a
noisy machine affects both alike. Results are appended to bench/history.jsonl (one JSON object
per run of this tool), so a regression shows up against earlier lines.

    tools/bench.py [--gilpy build/gilpy] [--cpython PATH] [-n RUNS] [PROGRAM ...]
"""
import argparse
import datetime
import json
import math
import os
import shutil
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs")
HISTORY = os.path.join(ROOT, "bench", "history.jsonl")


def find_cpython():
    candidates = [os.path.expanduser("~/.pyenv/versions/3.12.1/bin/python3"), shutil.which("python3.12")]
    for c in candidates:
        if c and os.path.exists(c):
            return c
    return None


def measure(interpreter, program, timeout):
    """Run once with os.fork/exec + wait4 so the child's own peak RSS is known."""
    start = time.perf_counter()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(PROGRAMS)
            os.dup2(w, 1)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            os.close(r)
            os.execv(interpreter, [interpreter, program])
        finally:
            os._exit(127)
    os.close(w)
    chunks = []
    while True:
        data = os.read(r, 65536)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    _, status, rusage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return elapsed, rusage.ru_maxrss, b"".join(chunks), code


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gilpy", default=os.path.join(ROOT, "build", "gilpy"))
    ap.add_argument("--cpython", default=find_cpython())
    ap.add_argument("-n", "--runs", type=int, default=3, help="runs per interpreter (median is reported)")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--no-history", action="store_true", help="don't append to bench/history.jsonl")
    ap.add_argument("programs", nargs="*", help="program names (default: all in bench/programs)")
    args = ap.parse_args()
    if not args.cpython:
        sys.exit("bench: CPython 3.12 not found (pass --cpython)")
    # The children run in bench/programs: make interpreter paths independent of our cwd.
    args.gilpy = os.path.abspath(args.gilpy) if os.sep in args.gilpy else shutil.which(args.gilpy)
    args.cpython = os.path.abspath(args.cpython) if os.sep in args.cpython else shutil.which(args.cpython)
    for path in (args.gilpy, args.cpython):
        if not path or not os.access(path, os.X_OK):
            sys.exit(f"bench: cannot run {path!r}")
    names = args.programs or sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))

    rows = []
    failures = 0
    print(f"{'program':<16} {'CPython s':>10} {'gilpy s':>10} {'ratio':>7} {'RSS CPy MB':>11} {'RSS gilpy MB':>13}")
    for name in names:
        program = name if name.endswith(".py") else name + ".py"
        times = {"cpython": [], "gilpy": []}
        rss = {"cpython": 0, "gilpy": 0}
        outputs = {}
        ok = True
        for _ in range(args.runs):
            for key, interp in (("cpython", args.cpython), ("gilpy", args.gilpy)):
                t, peak, out, code = measure(interp, program, args.timeout)
                if code != 0:
                    ok = False
                    outputs[key] = f"exit status {code}".encode()
                    continue
                times[key].append(t)
                rss[key] = max(rss[key], peak)
                outputs.setdefault(key, out)
        if ok and outputs.get("cpython") != outputs.get("gilpy"):
            ok = False
        if not ok:
            failures += 1
            print(f"{name:<16} FAILED: gilpy printed {outputs.get('gilpy', b'')[:80]!r}, "
                  f"CPython {outputs.get('cpython', b'')[:80]!r}")
            continue
        c, g = statistics.median(times["cpython"]), statistics.median(times["gilpy"])
        ratio = g / c
        rows.append({"program": name, "cpython": c, "gilpy": g, "ratio": ratio,
                     "rss_cpython_kb": rss["cpython"], "rss_gilpy_kb": rss["gilpy"]})
        print(f"{name:<16} {c:>10.3f} {g:>10.3f} {ratio:>7.2f} {rss['cpython'] / 1024:>11.1f} "
              f"{rss['gilpy'] / 1024:>13.1f}", flush=True)
    if rows:
        geo = math.exp(sum(math.log(r["ratio"]) for r in rows) / len(rows))
        print(f"geometric mean of gilpy/CPython time: {geo:.3f} over {len(rows)} programs"
              + (f" ({failures} failed)" if failures else ""))
        if not args.no_history:
            with open(HISTORY, "a") as f:
                f.write(json.dumps({"date": datetime.datetime.now().isoformat(timespec="seconds"),
                                    "runs": args.runs, "geomean": geo, "failed": failures,
                                    "results": rows}) + "\n")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
