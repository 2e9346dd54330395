# CPython 3.12's DeprecationWarning when a process with other threads forks: emitted in the parent
# only, attributed to the caller of os.fork(), never an error (even under an "error" filter), and
# absent when the process has a single thread. (The message holds the pid: it is printed without.)
import os
import re
import sys
import threading
import warnings

from _forkutil import child_exit, wait_child


def fork_and_report(label):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            child_exit(len(caught))
    code = wait_child(pid)
    print(label, "child saw", code, "warning(s); parent saw", len(caught))
    for w in caught:
        text = re.sub(r"pid=\d+", "pid=N", str(w.message))
        print("  ", w.category.__name__, text, os.path.basename(w.filename), w.lineno)
        print("   pid is ours:", str(os.getpid()) in str(w.message))


fork_and_report("one thread:")

stop = threading.Event()
t = threading.Thread(target=stop.wait, args=(30,))
t.start()
fork_and_report("two threads:")

# An "error" filter does not turn it into an exception (3.12 clears the error).
with warnings.catch_warnings():
    warnings.simplefilter("error")
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        child_exit(0)
    print("error filter: fork returned normally, child exit code", wait_child(pid))

# Forking from the other thread warns too.
def fork_in_thread():
    fork_and_report("from a thread:")


f = threading.Thread(target=fork_in_thread)
f.start()
f.join()
stop.set()
t.join()
