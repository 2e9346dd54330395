# Helpers for the fork tests: waiting for a child with a deadline (a hung child is killed and
# reported, so a deadlock fails the test fast instead of leaving a process behind).
import os
import signal
import time


def wait_child(pid, timeout=20.0):
    """The child's exit code (os.waitstatus_to_exitcode), or 'timeout' after killing it."""
    deadline = time.monotonic() + timeout
    while True:
        got, status = os.waitpid(pid, os.WNOHANG)
        if got == pid:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.005)


def child_exit(code):
    """Leave the child at once (no atexit, no thread joining), with stdout flushed."""
    import sys
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
