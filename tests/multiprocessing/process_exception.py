# An uncaught exception in a child prints "Process <name>:" and the traceback on the child's
# stderr and gives exit code 1; the parent goes on.
import multiprocessing as mp
import os
import signal
import sys
import tempfile

signal.alarm(45)


def fail(path):
    if path is not None:
        sys.stderr = open(path, "w")
    raise ValueError("boom in child")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "stderr.txt")
        p = mp.Process(target=fail, args=(path,), name="Failing")
        p.start()
        p.join(10)
        with open(path) as f:
            lines = f.read().splitlines()
    print("exitcode", p.exitcode, repr(p).endswith("stopped exitcode=1>"))
    print(lines[0])
    print(lines[1])
    print(lines[-1])
    print(any(line.strip() == 'raise ValueError("boom in child")' for line in lines))
    # Without redirection the traceback reaches this test's stderr (its last line is checked).
    p = mp.Process(target=fail, args=(None,))
    p.start()
    p.join(10)
    print("exitcode", p.exitcode)
