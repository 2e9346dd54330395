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

Peak RSS: Linux keeps a process's peak RSS across exec, and a forked child starts with its
parent's, so a child forked straight from this (Python) process would report at least this
process's own peak (~11 MB) however small the benchmark. Each run therefore goes through a tiny
launcher: a C program compiled on the fly with the system's C compiler into a temporary directory
(it forks the interpreter from its own ~1 MB image, times it and reports wait4's ru_maxrss), or
else GNU time (`/usr/bin/time -f %M`). Without either, the direct fork is used and the table says
that its RSS figures are floors. A run that exceeds --timeout is killed and counts as a failure.
"""
import argparse
import datetime
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
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


LAUNCHER_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
/* launcher STATS_FD PROGRAM ARGS...: run PROGRAM, then write "<wait status> <elapsed seconds>
   <peak RSS KiB>" to STATS_FD. Forking from this small process gives the child a fresh peak. */
int main(int argc, char** argv) {
  if (argc < 3) return 2;
  int fd = atoi(argv[1]);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    close(fd);
    execv(argv[2], argv + 2);
    _exit(127);
  }
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) return 2;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double elapsed = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  dprintf(fd, "%d %.6f %ld\n", status, elapsed, ru.ru_maxrss);
  return 0;
}
"""


class Runner:
    """Runs a program and measures it, by the most faithful method available (module docstring)."""

    def __init__(self, tmpdir):
        self.launcher = self._build_launcher(tmpdir)
        self.gnu_time = None
        if not self.launcher and os.access("/usr/bin/time", os.X_OK):
            probe = subprocess.run(["/usr/bin/time", "-f", "%M", "true"], capture_output=True)
            if probe.returncode == 0 and probe.stderr.strip().isdigit():
                self.gnu_time = "/usr/bin/time"
        self.rss_exact = bool(self.launcher or self.gnu_time)

    @staticmethod
    def _build_launcher(tmpdir):
        cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc") or shutil.which("clang")
        if not cc:
            return None
        src = os.path.join(tmpdir, "launcher.c")
        exe = os.path.join(tmpdir, "launcher")
        with open(src, "w") as f:
            f.write(LAUNCHER_C)
        built = subprocess.run([cc, "-O1", "-o", exe, src], capture_output=True)
        return exe if built.returncode == 0 else None

    def measure(self, interpreter, program, timeout):
        """One run: (elapsed seconds, peak RSS KiB, stdout bytes, exit code); code None on timeout."""
        if self.launcher:
            r, w = os.pipe()
            try:
                out, code = self._run([self.launcher, str(w), interpreter, program], timeout, (w,))
            finally:
                os.close(w)
            with os.fdopen(r) as f:
                stats = f.read().split()
            if code != 0 or len(stats) != 3:
                return 0.0, 0, out, code if code != 0 else 127
            status, elapsed, peak = int(stats[0]), float(stats[1]), int(stats[2])
            return elapsed, peak, out, os.waitstatus_to_exitcode(status)
        if self.gnu_time:
            with tempfile.NamedTemporaryFile("r") as report:
                start = time.perf_counter()
                out, code = self._run([self.gnu_time, "-q", "-f", "%M", "-o", report.name,
                                       interpreter, program], timeout)
                elapsed = time.perf_counter() - start
                lines = report.read().split()
            peak = int(lines[-1]) if lines and lines[-1].isdigit() else 0
            return elapsed, peak, out, code
        start = time.perf_counter()
        out, code, peak = self._run_direct(interpreter, program, timeout)
        return time.perf_counter() - start, peak, out, code

    @staticmethod
    def _run(cmd, timeout, pass_fds=()):
        """Run cmd in its own process group (so a timeout kills the launched interpreter too)."""
        proc = subprocess.Popen(cmd, cwd=PROGRAMS, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                pass_fds=pass_fds, start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.communicate()
            return b"", None
        return out, proc.returncode

    @staticmethod
    def _run_direct(interpreter, program, timeout):
        """os.fork/exec + wait4: the peak RSS is at least this process's own (a floor)."""
        with tempfile.TemporaryFile() as out:
            pid = os.fork()
            if pid == 0:
                try:
                    os.chdir(PROGRAMS)
                    os.dup2(out.fileno(), 1)
                    devnull = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(devnull, 2)
                    os.execv(interpreter, [interpreter, program])
                finally:
                    os._exit(127)
            deadline = time.monotonic() + timeout
            while True:
                done, status, rusage = os.wait4(pid, os.WNOHANG)
                if done:
                    break
                if time.monotonic() > deadline:
                    os.kill(pid, 9)
                    os.wait4(pid, 0)
                    return b"", None, 0
                time.sleep(0.005)
            out.seek(0)
            return out.read(), os.waitstatus_to_exitcode(status), rusage.ru_maxrss


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

    with tempfile.TemporaryDirectory(prefix="gilpy-bench-") as tmpdir:
        run_all(args, names, Runner(tmpdir))


def run_all(args, names, runner):
    rows = []
    failures = 0
    if not runner.rss_exact:
        print("bench: no C compiler and no /usr/bin/time: peak RSS figures are floors (this "
              "process's own peak)")
    print(f"{'program':<16} {'CPython s':>10} {'gilpy s':>10} {'ratio':>7} {'RSS CPy MB':>11} {'RSS gilpy MB':>13}")
    for name in names:
        program = name if name.endswith(".py") else name + ".py"
        times = {"cpython": [], "gilpy": []}
        rss = {"cpython": 0, "gilpy": 0}
        outputs = {}
        ok = True
        for _ in range(args.runs):
            for key, interp in (("cpython", args.cpython), ("gilpy", args.gilpy)):
                t, peak, out, code = runner.measure(interp, program, args.timeout)
                if code != 0:
                    ok = False
                    outputs[key] = (b"timeout" if code is None else f"exit status {code}".encode())
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
                                    "rss_exact": runner.rss_exact,
                                    "results": rows}) + "\n")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
