#!/usr/bin/env python3
"""Run the GIL benchmarks (bench/gil/gil_*.py) under gilpy (-X gil=cpython and -X gil=ticks),
CPython 3.12 and Python 2.7 (for the tick-based GIL), from the same run, and print each
program's output line per interpreter.

    bench/gil/run.py [--gilpy build-gil-rel/gilpy] [--repeat 3]
"""
import argparse
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def pyenv(version, exe):
    p = os.path.expanduser("~/.pyenv/versions/%s/bin/%s" % (version, exe))
    return p if os.path.exists(p) else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilpy", default=os.path.join(ROOT, "build", "gilpy"))
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    interps = [("gilpy (cpython GIL)", [args.gilpy]),
               ("gilpy -X gil=ticks", [args.gilpy, "-X", "gil=ticks"])]
    cp = pyenv("3.12.1", "python3")
    if cp:
        interps.append(("CPython 3.12", [cp]))
    p2 = pyenv("2.7.18", "python")
    if p2:
        interps.append(("Python 2.7", [p2]))
    runs = [("gil_countdown.py", []), ("gil_wakeup.py", []), ("gil_wakeup.py", ["0.001"]),
            ("gil_handoff.py", [])]
    for prog, extra in runs:
        print("== %s %s" % (prog, " ".join(extra)))
        for label, cmd in interps:
            if prog == "gil_handoff.py" and label == "Python 2.7":
                pass
            for _ in range(args.repeat):
                r = subprocess.run(cmd + [os.path.join(HERE, prog)] + extra, capture_output=True,
                                   text=True, timeout=300)
                out = (r.stdout.strip() or r.stderr.strip().splitlines()[-1]).replace("\n", " | ")
                print("  %-22s %s" % (label, out))


if __name__ == "__main__":
    main()
