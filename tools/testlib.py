"""Shared machinery for gilpy's Python program tests.

Used by tools/run_tests.py (run the tests with some interpreter),
tools/check_expectations.py (prove the checked-in expectations are CPython 3.12's)
and tools/regen_expectations.py (write expectations from CPython 3.12).
The test format is documented in tests/README.md. Runs under Python >= 3.8.
"""
from __future__ import annotations

import difflib
import glob
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
KNOWN_FAILURES = TESTS / "known_failures.txt"
# Folders under tests/ that are not Python program tests.
NON_PROGRAM_DIRS = {"unit"}
# Files that may sit in a test folder next to the tests.
TEST_EXTS = (".py", ".cmd")
EXPECT_EXTS = (".out", ".err", ".stderr", ".status", ".in")
OTHER_ALLOWED = {"README.md"}
OUTPUT_LIMIT = 16 * 1024 * 1024  # bytes per stream; more is a failure (runaway output)


class Test:
    """One test: tests/<folder>/<name>.py or tests/<folder>/<name>.cmd."""

    def __init__(self, path: Path):
        self.path = path.resolve()
        self.kind = self.path.suffix[1:]  # "py" or "cmd"
        self.dir = self.path.parent
        self.rel = self.path.relative_to(REPO).as_posix()

    def exp(self, ext: str) -> Path:
        return self.path.with_suffix(ext)

    def __repr__(self):
        return "Test(%s)" % self.rel


def is_test_file(p: Path) -> bool:
    return p.is_file() and p.suffix in TEST_EXTS and not p.name.startswith("_")


def test_folders() -> list:
    out = []
    for d in sorted(TESTS.iterdir()):
        if d.is_dir() and d.name not in NON_PROGRAM_DIRS and not d.name.startswith((".", "_")):
            out.append(d)
    return out


def tests_in_folder(d: Path) -> list:
    return [Test(p) for p in sorted(d.iterdir()) if is_test_file(p)]


def discover(args) -> list:
    """Tests named by args (folders or test files, relative to cwd or to the repo root).
    No args: every test folder."""
    if not args:
        args = [str(TESTS)]
    found = {}
    for a in args:
        p = Path(a)
        if not p.exists() and (REPO / a).exists():
            p = REPO / a
        if not p.exists():
            raise SystemExit("error: no such test or folder: %s" % a)
        p = p.resolve()
        if p.is_dir():
            if p == TESTS:
                for d in test_folders():
                    for t in tests_in_folder(d):
                        found[t.rel] = t
            else:
                ts = tests_in_folder(p)
                if not ts:
                    raise SystemExit("error: no tests in folder %s" % a)
                for t in ts:
                    found[t.rel] = t
        else:
            if p.suffix in EXPECT_EXTS:  # allow naming a test by one of its expectation files
                for ext in TEST_EXTS:
                    if p.with_suffix(ext).exists():
                        p = p.with_suffix(ext)
                        break
            if not is_test_file(p) or TESTS not in p.parents:
                raise SystemExit("error: not a test file: %s" % a)
            t = Test(p)
            found[t.rel] = t
    return [found[k] for k in sorted(found)]


# ---------------------------------------------------------------- commands

def parse_cmd_file(path: Path):
    """A .cmd file: '#' comment lines, optional 'env NAME=VALUE' lines, and exactly one
    line of arguments in shell syntax (the interpreter is prepended by the runner)."""
    args = None
    env = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("env "):
            name, sep, value = s[4:].strip().partition("=")
            if not sep:
                raise ValueError("%s:%d: env line needs NAME=VALUE" % (path, lineno))
            env[name] = value
            continue
        if args is not None:
            raise ValueError("%s:%d: more than one argument line" % (path, lineno))
        args = shlex.split(s)
    if args is None:
        args = []  # no arguments at all: the program is read from stdin
    return args, env


def base_env(hashseed="0") -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    env.update({
        "PYTHONHASHSEED": str(hashseed),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "PYTHON_COLORS": "0",
    })
    env.pop("COLUMNS", None)
    return env


def command_for(test: Test, interpreter: str):
    """argv, extra env for a test. cwd is always the test's folder."""
    if test.kind == "py":
        return [interpreter, test.path.name], {}
    args, env = parse_cmd_file(test.path)
    return [interpreter] + args, env


class Result:
    def __init__(self, stdout=b"", stderr=b"", status=0, timed_out=False, overflow=False,
                 elapsed=0.0, error=None, interpreter=None):
        self.interpreter = interpreter
        self.stdout, self.stderr, self.status = stdout, stderr, status
        self.timed_out, self.overflow, self.elapsed, self.error = timed_out, overflow, elapsed, error


def _reader(stream, sink, over, proc):
    total = 0
    while True:
        chunk = stream.read(65536)
        if not chunk:
            break
        total += len(chunk)
        if total > OUTPUT_LIMIT:
            over.append(True)
            _kill(proc)
            break
        sink.append(chunk)
    try:
        stream.close()
    except OSError:
        pass


def _kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        try:
            proc.kill()
        except OSError:
            pass


def run_test(test: Test, interpreter: str, timeout: float, hashseed="0") -> Result:
    try:
        argv, extra_env = command_for(test, interpreter)
    except (ValueError, OSError) as e:
        return Result(error="bad test file: %s" % e)
    env = base_env(hashseed)
    env.update(extra_env)
    stdin_path = test.exp(".in")
    start = time.monotonic()
    try:
        stdin = open(stdin_path, "rb") if stdin_path.exists() else subprocess.DEVNULL
        try:
            proc = subprocess.Popen(argv, cwd=str(test.dir), env=env, stdin=stdin,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    start_new_session=True)
        finally:
            if stdin is not subprocess.DEVNULL:
                stdin.close()
    except OSError as e:
        return Result(error="cannot start %s: %s" % (interpreter, e))
    out, err, over = [], [], []
    threads = [threading.Thread(target=_reader, args=(proc.stdout, out, over, proc), daemon=True),
               threading.Thread(target=_reader, args=(proc.stderr, err, over, proc), daemon=True)]
    for t in threads:
        t.start()
    timed_out = False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill(proc)
        proc.wait()
    # The process is gone; reap any children it left holding the pipes.
    _kill(proc)
    for t in threads:
        t.join(5)
    return Result(b"".join(out), b"".join(err), proc.returncode, timed_out, bool(over),
                  time.monotonic() - start, interpreter=interpreter)


# ---------------------------------------------------------------- expectations

class Expectation:
    def __init__(self, stdout, status, err_last, stderr_full):
        self.stdout, self.status, self.err_last, self.stderr_full = stdout, status, err_last, stderr_full


def read_text(p: Path):
    return p.read_bytes().decode("utf-8", "surrogateescape") if p.exists() else None


def load_expectation(test: Test) -> Expectation:
    stdout = read_text(test.exp(".out"))
    st = read_text(test.exp(".status"))
    status = int(st.strip()) if st is not None else 0
    err = read_text(test.exp(".err"))
    err_last = err.rstrip("\n") if err is not None else None
    return Expectation(stdout, status, err_last, read_text(test.exp(".stderr")))


INTERPRETER_PLACEHOLDER = "{interpreter}"


def normalize(text: str, test: Test, interpreter=None) -> str:
    """Make absolute paths to the test folder relative (CPython prints the script's absolute
    path in tracebacks; the test runs with its folder as cwd), and replace the interpreter
    path (argv[0], printed e.g. in usage messages) by {interpreter}."""
    if interpreter:
        text = text.replace(interpreter, INTERPRETER_PLACEHOLDER)
    return text.replace(str(test.dir) + os.sep, "")


def last_line(text: str) -> str:
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def decode(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def status_text(code) -> str:
    if code is not None and code < 0:
        try:
            return "killed by signal %s" % signal.Signals(-code).name
        except ValueError:
            return "killed by signal %d" % -code
    return str(code)


def diff(expected: str, actual: str, what: str, limit=60) -> str:
    lines = list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                      "expected " + what, "actual " + what, n=2))
    if len(lines) > limit:
        lines = lines[:limit] + ["... (%d more diff lines)\n" % (len(lines) - limit)]
    return "".join(l if l.endswith("\n") else l + "\n\\ No newline at end of file\n" for l in lines)


def compare(test: Test, res: Result, exp: Expectation):
    """Returns (short reason or None, detailed report)."""
    if res.error:
        return res.error, ""
    if exp.stdout is None:
        return "no expectation file %s (run tools/regen_expectations.py)" % test.exp(".out").name, ""
    if res.timed_out:
        return "timeout after %.0fs" % res.elapsed, _tail(res)
    if res.overflow:
        return "output larger than %d bytes" % OUTPUT_LIMIT, ""
    problems, details = [], []
    out = normalize(decode(res.stdout), test, res.interpreter)
    err = normalize(decode(res.stderr), test, res.interpreter)
    if res.status != exp.status:
        problems.append("exit status %s, expected %s" % (status_text(res.status), exp.status))
    if out != exp.stdout:
        problems.append("stdout differs")
        details.append(diff(exp.stdout, out, "stdout"))
    if exp.stderr_full is not None:
        if err != exp.stderr_full:
            problems.append("stderr differs")
            details.append(diff(exp.stderr_full, err, "stderr"))
    elif exp.err_last is not None:
        if last_line(err) != exp.err_last:
            problems.append("last line of stderr differs")
            details.append("  expected: %s\n  actual:   %s\n" % (exp.err_last, last_line(err)))
    elif err:
        problems.append("unexpected stderr")
    if not problems:
        return None, ""
    if err and (exp.stderr_full is None):
        details.append(_tail(res))
    return "; ".join(problems), "".join(details)


def _tail(res: Result, n=15) -> str:
    err = decode(res.stderr)
    if not err.strip():
        return ""
    lines = err.splitlines()
    head = "  stderr (last %d lines):\n" % min(n, len(lines)) if len(lines) > n else "  stderr:\n"
    return head + "".join("    | %s\n" % l for l in lines[-n:])


def write_expectation(test: Test, res: Result):
    """Write X.out, and X.status / X.err (or X.stderr if it already exists) when needed."""
    out = normalize(decode(res.stdout), test, res.interpreter)
    err = normalize(decode(res.stderr), test, res.interpreter)
    test.exp(".out").write_bytes(out.encode("utf-8", "surrogateescape"))
    if res.status != 0:
        test.exp(".status").write_text("%d\n" % res.status)
    elif test.exp(".status").exists():
        test.exp(".status").unlink()
    if test.exp(".stderr").exists():
        test.exp(".stderr").write_bytes(err.encode("utf-8", "surrogateescape"))
        if test.exp(".err").exists():
            test.exp(".err").unlink()
    elif err.strip():
        test.exp(".err").write_bytes((last_line(err) + "\n").encode("utf-8", "surrogateescape"))
    elif test.exp(".err").exists():
        test.exp(".err").unlink()


# ---------------------------------------------------------------- known failures

def read_known_failures(path: Path = KNOWN_FAILURES):
    """Returns (header comment lines, {rel path: reason comment or ''})."""
    header, entries = [], {}
    if not path.exists():
        return header, entries
    seen_entry = False
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if not s:
            if not seen_entry:
                header.append(line)
            continue
        if s.startswith("#"):
            if not seen_entry:
                header.append(line)
            continue
        seen_entry = True
        name, _, reason = s.partition("#")
        entries[name.strip()] = reason.strip()
    return header, entries


def write_known_failures(header, entries, path: Path = KNOWN_FAILURES):
    lines = list(header)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        lines.append("")
    width = max((len(k) for k in entries), default=0)
    for k in sorted(entries):
        r = entries[k]
        lines.append(("%-*s  # %s" % (width, k, r)) if r else k)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- CPython 3.12

def _probe(exe: str):
    try:
        r = subprocess.run([exe, "-c", "import sys; print(sys.implementation.name, *sys.version_info[:3])"],
                           capture_output=True, text=True, timeout=20, env=base_env())
    except (OSError, subprocess.TimeoutExpired):
        return None
    parts = r.stdout.split()
    if r.returncode != 0 or len(parts) != 4:
        return None
    return parts[0], tuple(int(x) for x in parts[1:])


def find_cpython312(explicit=None):
    """Path of a CPython 3.12 interpreter, or None. Looks at $GILPY_CPYTHON, pyenv's
    ~/.pyenv/versions/3.12*/bin/python3, python3.12 and python3 on PATH."""
    cands = []
    if explicit:
        cands.append(explicit)
    if os.environ.get("GILPY_CPYTHON"):
        cands.append(os.environ["GILPY_CPYTHON"])
    roots = [os.environ.get("PYENV_ROOT", ""), os.path.expanduser("~/.pyenv")]
    pyenv = []
    for root in roots:
        if root:
            pyenv += glob.glob(os.path.join(root, "versions", "3.12*", "bin", "python3"))

    def vkey(p):
        v = Path(p).parent.parent.name
        return [int(x) if x.isdigit() else -1 for x in v.split(".")]

    cands += sorted(set(pyenv), key=vkey, reverse=True)
    for name in ("python3.12", "python3"):
        w = shutil.which(name)
        if w:
            cands.append(w)
    cands += ["/usr/bin/python3.12", "/usr/local/bin/python3.12"]
    for c in cands:
        if not c or not os.path.exists(c):
            continue
        info = _probe(c)
        if info and info[0] == "cpython" and info[1][:2] == (3, 12):
            return os.path.abspath(c)
        if explicit and c == explicit:
            raise SystemExit("error: %s is not CPython 3.12 (%s)" % (c, info))
    return None


def parallel_map(fn, items, jobs):
    if jobs <= 1:
        for it in items:
            yield it, fn(it)
        return
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        futs = [(it, ex.submit(fn, it)) for it in items]
        for it, f in futs:
            yield it, f.result()


def default_jobs():
    return max(1, os.cpu_count() or 1)
