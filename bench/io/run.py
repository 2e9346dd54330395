#!/usr/bin/env python3
"""Run the I/O and native-code GIL benchmarks under gilpy and CPython 3.12 in the same run and
print one table with both and their ratio:

  convoy.py           1-byte round trips to an echo child process, alone and beside a CPU-bound
                      thread (bpo-7946), with the default GIL, -X gil=ticks (gilpy only) and
                      shorter switch intervals (sys.setswitchinterval);
  parallel_native.py  sha256 / zlib.compress / the example extension (gilpy only) done by two
                      threads at once vs one after the other (about 0.5 on two free cores), and
                      by two processes (the parallelism the machine offers at that moment).

    bench/io/run.py [--gilpy build/gilpy] [--seconds 1.0] [--repeat 3]

Convoy figures are the median of --repeat runs (the slowdown is computed per run), timings of
parallel_native.py the best of --repeat runs, each of which already takes the best of 3. The
machine may be shared: compare gilpy with CPython measured in the same run, and the threads'
ratio with the processes' ratio, rather than absolute figures.
"""
import argparse
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def cpython():
    p = os.path.expanduser("~/.pyenv/versions/3.12.1/bin/python3")
    return [p] if os.path.exists(p) else None


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(cmd), r.stderr))
    out = {}
    for line in r.stdout.splitlines():
        name, value = line.split()
        out[name] = float(value)
    return out


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def repeated(cmd, repeat, pick):
    """Per figure, pick(values over `repeat` runs); with the per-run convoy slowdown added."""
    runs = [run(cmd) for _ in range(repeat)]
    for r in runs:
        if "alone_per_s" in r:
            r["slowdown"] = r["alone_per_s"] / r["with_cpu_per_s"]
    return {k: pick([r[k] for r in runs]) for k in runs[0]}


def fmt(v):
    if v is None:
        return "-"
    return "%.0f" % v if v >= 100 else "%.3f" % v


def row(label, g, c):
    ratio = "%.2f" % (g / c) if g is not None and c else "-"
    print("%-54s %14s %14s %8s" % (label, fmt(g), fmt(c), ratio))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilpy", default=os.path.join(ROOT, "build", "gilpy"))
    ap.add_argument("--seconds", default="1.0", help="seconds per convoy phase")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    gilpy = [args.gilpy]
    cp = cpython()
    convoy = os.path.join(HERE, "convoy.py")
    print("%-54s %14s %14s %8s" % ("benchmark", "gilpy", "CPython 3.12", "ratio"))
    configs = [("default GIL", [], [args.seconds]),
               ("-X gil=ticks", ["-X", "gil=ticks"], [args.seconds]),
               ("setswitchinterval(0.001)", [], [args.seconds, "0.001"]),
               ("setswitchinterval(0.0001)", [], [args.seconds, "0.0001"])]
    for label, xopts, argv in configs:
        g = repeated(gilpy + xopts + [convoy] + argv, args.repeat, median)
        c = repeated(cp + [convoy] + argv, args.repeat, median) if cp and not xopts else {}
        row("convoy %s: round trips/s alone" % label, g["alone_per_s"], c.get("alone_per_s"))
        row("convoy %s: round trips/s + CPU thread" % label, g["with_cpu_per_s"],
            c.get("with_cpu_per_s"))
        row("convoy %s: CPU thread loops/s" % label, g["cpu_loops_per_s"], c.get("cpu_loops_per_s"))
        row("convoy %s: slowdown (alone / + CPU)" % label, g["slowdown"], c.get("slowdown"))
    par = os.path.join(HERE, "parallel_native.py")
    g = repeated(gilpy + [par], args.repeat, min)
    c = repeated(cp + [par], args.repeat, min) if cp else {}
    for work in ("sha256", "zlib", "ext_primes"):
        if work + "_seq" not in g:
            continue
        for kind, key in (("sequential s", "_seq"), ("2 threads s", "_par"),
                          ("2 processes s", "_procs")):
            row("%s x2: %s" % (work, kind), g[work + key], c.get(work + key))
        for kind, key in (("threads", "_par"), ("processes", "_procs")):
            gr = g[work + key] / g[work + "_seq"]
            cr = c[work + key] / c[work + "_seq"] if work + "_seq" in c else None
            print("%-54s %14s %14s" % ("%s x2: %s / sequential" % (work, kind), "%.2f" % gr,
                                       "%.2f" % cr if cr is not None else "-"))


if __name__ == "__main__":
    main()
