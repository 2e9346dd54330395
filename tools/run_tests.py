#!/usr/bin/env python3
"""Run gilpy's Python program tests (tests/<subsystem>/*.py and tests/cli/*.cmd).

    tools/run_tests.py                       # every test with build/gilpy
    tools/run_tests.py tests/int tests/str/split_basic.py
    tools/run_tests.py -j 4 --timeout 20 --interpreter build-asan/gilpy
    tools/run_tests.py --write-known-failures   # regenerate tests/known_failures.txt

Each test runs with its folder as cwd and a timeout; stdout, exit status and stderr are
compared with the checked-in CPython 3.12 expectations (format: tests/README.md).
The last line printed is exactly "N passed, N failed" (", N skipped" if any); known
failures (tests/known_failures.txt) are counted on their own line before it.
Exit status: 0 if nothing failed, 1 otherwise (2 for usage errors).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testlib  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="test folders or files (default: all of tests/)")
    ap.add_argument("--interpreter", default=str(testlib.REPO / "build" / "gilpy"),
                    help="interpreter to test (default: build/gilpy)")
    ap.add_argument("-j", "--jobs", type=int, default=testlib.default_jobs(), help="parallel tests (default: #cpus)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per test (default: 10)")
    ap.add_argument("--known-failures", default=str(testlib.KNOWN_FAILURES), help="known failures list")
    ap.add_argument("--ignore-known-failures", action="store_true",
                    help="treat every test as expected to pass (e.g. when running CPython itself)")
    ap.add_argument("--skip-known-failures", action="store_true",
                    help="do not run known failures (counted as skipped)")
    ap.add_argument("--write-known-failures", action="store_true",
                    help="rewrite the known failures list from this run (entries outside the selection "
                         "and existing reason comments are kept); exits 0")
    ap.add_argument("-v", "--verbose", action="store_true", help="print a line per test")
    ap.add_argument("-q", "--quiet", action="store_true", help="no diffs, only one line per failure")
    args = ap.parse_args(argv)

    interp = args.interpreter
    if os.sep not in interp and not os.path.exists(interp) and shutil.which(interp):
        interp = shutil.which(interp)  # a bare command name: resolve it on PATH
    interp = os.path.abspath(interp)
    if not os.path.exists(interp):
        print("error: interpreter %s does not exist (build it first: tools/setup.sh)" % interp)
        print("0 passed, 1 failed")
        return 1
    tests = testlib.discover(args.paths)
    kf_path = Path(args.known_failures)
    header, known = testlib.read_known_failures(kf_path)
    if args.ignore_known_failures:
        known_active = {}
    else:
        known_active = known

    selected_dirs = {t.dir for t in tests}
    selected = {t.rel for t in tests}
    stale = []
    for rel in known_active:
        p = (testlib.REPO / rel).resolve()
        if p.parent in selected_dirs or rel in selected:
            if not (testlib.is_test_file(p)):
                stale.append(rel)

    to_run = [t for t in tests if not (args.skip_known_failures and t.rel in known_active)]
    skipped = len(tests) - len(to_run)

    passed = failed = xfailed = 0
    failures = {}  # rel -> reason
    xpassed = []
    start = time.monotonic()

    def one(t):
        res = testlib.run_test(t, interp, args.timeout)
        return res, testlib.compare(t, res, testlib.load_expectation(t))

    for t, (res, (reason, details)) in testlib.parallel_map(one, to_run, args.jobs):
        is_known = t.rel in known_active
        if reason is None:
            if is_known:
                failed += 1
                xpassed.append(t.rel)
                print("XPASS %s: passes now; remove it from %s" % (t.rel, _relp(kf_path)))
            else:
                passed += 1
                if args.verbose:
                    print("ok    %s (%.2fs)" % (t.rel, res.elapsed))
        else:
            failures[t.rel] = reason
            if is_known:
                xfailed += 1
                if args.verbose:
                    print("xfail %s: %s" % (t.rel, reason))
            else:
                failed += 1
                print("FAIL  %s: %s" % (t.rel, reason))
                if details and not args.quiet:
                    print(details.rstrip("\n"))
        sys.stdout.flush()

    for rel in stale:
        failed += 1
        print("ERROR %s is listed in %s but is not a test; remove it" % (rel, _relp(kf_path)))

    if args.write_known_failures:
        new = dict(known)
        ran = {t.rel for t in to_run}
        for t in tests:
            if t.rel not in ran:
                continue  # skipped: keep as it is
            if t.rel in failures:
                new[t.rel] = known.get(t.rel) or failures[t.rel]
            else:
                new.pop(t.rel, None)
        for rel in stale:
            new.pop(rel, None)
        if not header:
            header = ["# Tests gilpy does not pass yet: one path per line, with a '# reason' comment.",
                      "# They are run and reported as expected failures; one that passes is an error.",
                      "# Regenerate with: tools/run_tests.py --write-known-failures"]
        testlib.write_known_failures(header, new, kf_path)
        print("wrote %s: %d entries" % (_relp(kf_path), len(new)))

    elapsed = time.monotonic() - start
    print("%d known failures (expected, listed in %s); %.1fs" % (xfailed, _relp(kf_path), elapsed))
    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    print(line)
    if args.write_known_failures:
        return 0
    return 1 if failed else 0


def _relp(p: Path) -> str:
    try:
        return p.resolve().relative_to(testlib.REPO).as_posix()
    except ValueError:
        return str(p)


if __name__ == "__main__":
    sys.exit(main())
