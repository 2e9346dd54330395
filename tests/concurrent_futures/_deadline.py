"""Support for the tests of this folder: a watchdog so that a hang fails fast.

arm(seconds) sets an alarm (no extra thread, so thread counts and fork are unaffected); if the
test is still running when it fires, the handler kills the multiprocessing children still
alive, says so on stderr and ends the process with status 99. Blocking waits in the main thread
are interrupted by signals, so the handler runs even when the test is stuck in a wait.
"""
import os
import signal
import sys


def _expire(signum, frame):
    sys.stderr.write('deadline exceeded\n')
    sys.stderr.flush()
    mp = sys.modules.get('multiprocessing')
    if mp is not None:
        for p in mp.active_children():
            p.kill()
    os._exit(99)


def arm(seconds=20):
    signal.signal(signal.SIGALRM, _expire)
    signal.alarm(seconds)
