# os.fork while one thread is executing a module's body (holding its import lock) and another
# thread waits for that lock: in the child, imports work (fresh modules, from several threads),
# and in the parent both threads get the complete module once the body finishes.
import os
import sys
import threading
import time
import warnings

import _log
import _sync
from _runner import run_threads

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fork"))
from _forkutil import child_exit, wait_child

warnings.simplefilter("ignore", DeprecationWarning)
results = {}


def importer(tag):
    import _fork_slow
    results[tag] = _fork_slow.X


owner = threading.Thread(target=importer, args=("owner",))
owner.start()
_sync.in_body.wait(10)
waiter = threading.Thread(target=importer, args=("waiter",))
waiter.start()
time.sleep(0.05)  # let the waiter reach the import lock

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    import _fresh
    print("child:", _fresh.OK)
    print("child: threads importing _slow_mod:",
          sorted(set(run_threads([lambda: __import__("_slow_mod").LAST] * 4))))
    if sys.implementation.name == "gilpy":
        # The parent's thread will never finish _fork_slow here: gilpy's child imports it afresh
        # (CPython's child would wait for it forever).
        import _fork_slow
        complete = _fork_slow.X == "complete" and _log.runs.count("_fork_slow") == 2
    else:
        complete = True
    print("child: module a vanished thread was importing is imported afresh:", complete)
    child_exit(0)

print("parent: child exit code:", wait_child(pid))
_sync.release.set()
owner.join(20)
waiter.join(20)
print("parent:", sorted(results.items()))
print("parent: bodies run:", _log.runs)
