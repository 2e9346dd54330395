# The main thread waits for a module another thread is executing; a signal arrives meanwhile: its
# handler runs, and the exception it raises ends the import (as it interrupts CPython's
# _ModuleLock.acquire). Once the other thread has finished, the import succeeds.
import signal
import threading

import _sync


def handler(signum, frame):
    raise TimeoutError("alarm during the import")


signal.signal(signal.SIGALRM, handler)
t = threading.Thread(target=lambda: __import__("_interrupted"))
t.start()
_sync.in_body.wait(10)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    import _interrupted
    print("imported before the alarm:", _interrupted.DONE)
except TimeoutError as e:
    print("interrupted:", e)
_sync.release.set()
t.join(20)
import _interrupted

print("after the thread finished:", _interrupted.DONE)
