#!/usr/bin/env python3
"""Write expectation files (.out, .status, .err / .stderr) from CPython 3.12 -- never from gilpy.

    tools/regen_expectations.py                 # tests that have no .out yet
    tools/regen_expectations.py tests/str/x.py  # (re)write the named tests / folders
    tools/regen_expectations.py --all           # rewrite everything (then review git diff!)

Each test is run twice with different PYTHONHASHSEED values; a test whose output differs is
refused (make it deterministic). For a full-stderr test, create an empty X.stderr first;
otherwise only the last line of stderr is recorded in X.err.
"""
from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testlib  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--all", action="store_true", help="rewrite expectations of every selected test")
    ap.add_argument("--python", help="CPython 3.12 to use (default: search pyenv and PATH)")
    ap.add_argument("-j", "--jobs", type=int, default=testlib.default_jobs())
    ap.add_argument("--timeout", type=float, default=30.0)
    args = ap.parse_args(argv)

    py = testlib.find_cpython312(args.python)
    if not py:
        print("error: CPython 3.12 not found; expectations are only ever written from CPython 3.12")
        return 2
    tests = testlib.discover(args.paths)
    if not args.paths and not args.all:
        tests = [t for t in tests if not t.exp(".out").exists()]
    if not tests:
        print("nothing to do (every test has a .out; name tests or use --all)")
        return 0

    def one(t):
        return [testlib.run_test(t, py, args.timeout, hashseed=s) for s in ("1", "987654")]

    bad = 0
    for t, (a, b) in testlib.parallel_map(one, tests, args.jobs):
        if a.error or a.timed_out or a.overflow:
            print("REFUSED %s: %s" % (t.rel, a.error or ("timeout" if a.timed_out else "too much output")))
            bad += 1
            continue
        if (a.stdout, a.stderr, a.status) != (b.stdout, b.stderr, b.status):
            print("REFUSED %s: output differs between hash seeds (not deterministic)" % t.rel)
            bad += 1
            continue
        testlib.write_expectation(t, a)
        extra = " status %d" % a.status if a.status else ""
        print("wrote %s%s" % (t.rel, extra))
    print("%d written, %d refused (CPython: %s)" % (len(tests) - bad, bad, py))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
