# How a child ends: sys.exit, falling off the end of the program and an uncaught exception run the
# normal shutdown (atexit callbacks, threading._shutdown), which must not wait for the parent's
# threads (they do not exist in the child); os._exit skips it. The parent sees the exit codes.
import atexit
import os
import sys
import threading
import warnings

from _forkutil import wait_child

warnings.simplefilter("ignore", DeprecationWarning)
release = threading.Event()
t = threading.Thread(target=release.wait, args=(30,), name="nondaemon")
t.start()
atexit.register(lambda: print("atexit in", "child" if os.getpid() != parent else "parent", flush=True))
parent = os.getpid()


def run_child(how):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        print("child:", how, flush=True)
        if how == "sys.exit":
            sys.exit(5)
        if how == "_exit":
            os._exit(6)
        if how == "raise":
            raise KeyError("boom")
        if how == "thread still running":
            threading.Thread(target=lambda: threading.Event().wait(0.05), name="late").start()
            sys.exit(0)
        return True  # falls through to the end of the program
    print("parent:", how, "->", wait_child(pid))
    return False


for how in ("sys.exit", "_exit", "raise", "thread still running"):
    run_child(how)
in_child = run_child("end of program")
if not in_child:
    release.set()
    t.join()
    print("parent done")
