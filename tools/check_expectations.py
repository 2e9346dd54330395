#!/usr/bin/env python3
"""Prove that every checked-in expectation is CPython 3.12's output.

Runs every test (and CLI test) under CPython 3.12 twice, with PYTHONHASHSEED=1 and
PYTHONHASHSEED=987654, and fails if
  - a checked-in expectation (.out/.status/.err/.stderr) differs from what CPython prints,
  - the two runs differ (the test is not deterministic: hash order, ids, time, ...),
  - a test has no .out file, an expectation file has no test, or a file in a test folder
    has an unknown extension,
  - tests/known_failures.txt names something that is not a test.
Tests slower than 1s under CPython are reported (not an error).
If CPython 3.12 cannot be found it prints a "skipped" line and exits 0.

    tools/check_expectations.py [paths...] [--python PATH] [-j N]
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testlib  # noqa: E402

SEEDS = ("1", "987654")


def lint_folders(tests):
    problems = []
    dirs = sorted({t.dir for t in tests})
    for d in dirs:
        for p in sorted(d.iterdir()):
            if p.is_dir():
                continue
            rel = p.relative_to(testlib.REPO).as_posix()
            if p.name in testlib.OTHER_ALLOWED:
                continue
            if p.suffix in testlib.TEST_EXTS:
                if p.name.startswith("_") and p.suffix == ".cmd":
                    problems.append("%s: .cmd files may not start with '_'" % rel)
                continue
            if p.suffix in testlib.EXPECT_EXTS:
                if not any(p.with_suffix(e).exists() and not p.with_suffix(e).name.startswith("_")
                           for e in testlib.TEST_EXTS):
                    problems.append("%s: expectation file without a test" % rel)
                continue
            problems.append("%s: unknown file in a test folder (support files go in a subfolder)" % rel)
    for t in tests:
        if not t.exp(".out").exists():
            problems.append("%s: no .out file (tools/regen_expectations.py %s)" % (t.rel, t.rel))
        if t.exp(".err").exists() and t.exp(".stderr").exists():
            problems.append("%s: has both .err and .stderr" % t.rel)
        st = t.exp(".status")
        if st.exists():
            try:
                v = int(st.read_text().strip())
                if v == 0:
                    problems.append("%s: .status 0 is the default; delete the file" % t.rel)
            except ValueError:
                problems.append("%s: .status is not an integer" % t.rel)
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--python", help="CPython 3.12 to use (default: search pyenv and PATH)")
    ap.add_argument("-j", "--jobs", type=int, default=testlib.default_jobs())
    ap.add_argument("--timeout", type=float, default=30.0)
    args = ap.parse_args(argv)

    py = testlib.find_cpython312(args.python)
    if not py:
        print("CPython 3.12 not found (looked in $GILPY_CPYTHON, ~/.pyenv/versions/3.12*/bin, "
              "python3.12 and python3 on PATH)")
        print("check_expectations: skipped")
        return 0
    tests = testlib.discover(args.paths)
    print("checking %d tests against %s (PYTHONHASHSEED=%s)" % (len(tests), py, " and ".join(SEEDS)))
    start = time.monotonic()
    problems = lint_folders(tests)

    _, known = testlib.read_known_failures()
    for rel in known:
        if not testlib.is_test_file(testlib.REPO / rel):
            problems.append("tests/known_failures.txt: %s is not a test" % rel)

    def one(t):
        return [testlib.run_test(t, py, args.timeout, hashseed=s) for s in SEEDS]

    mismatched = nondet = 0
    slow = []
    for t, results in testlib.parallel_map(one, tests, args.jobs):
        exp = testlib.load_expectation(t)
        a, b = results
        if (a.stdout, a.stderr, a.status) != (b.stdout, b.stderr, b.status):
            nondet += 1
            problems.append("%s: NOT DETERMINISTIC under CPython (differs between hash seeds)\n%s" % (
                t.rel, testlib.diff(testlib.decode(a.stdout) + testlib.decode(a.stderr),
                                    testlib.decode(b.stdout) + testlib.decode(b.stderr), "seed " + SEEDS[1])))
        if exp.stdout is None:
            continue  # reported by the lint
        reason, details = testlib.compare(t, a, exp)
        if reason:
            mismatched += 1
            problems.append("%s: expectation is not CPython's: %s\n%s" % (t.rel, reason, details.rstrip("\n")))
        if max(a.elapsed, b.elapsed) > 1.0:
            slow.append((max(a.elapsed, b.elapsed), t.rel))

    for p in problems:
        print("ERROR " + p.rstrip("\n"))
    for el, rel in sorted(slow, reverse=True):
        print("note: %s takes %.2fs under CPython (keep tests fast)" % (rel, el))
    print("check_expectations: %d tests, %d problems (%d not matching CPython, %d nondeterministic); %.1fs"
          % (len(tests), len(problems), mismatched, nondet, time.monotonic() - start))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
