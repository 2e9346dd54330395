# fork while another thread holds a lock and blocks, and a third thread runs Python code: in the
# child only the forking thread exists; threading, locks, queue, imports and printing work there.
import os
import queue
import sys
import threading
import warnings

from _forkutil import child_exit, wait_child

warnings.simplefilter("ignore", DeprecationWarning)

user_lock = threading.Lock()
cond = threading.Condition()
held = threading.Event()
release = threading.Event()
stop = threading.Event()
progress = [0]


def holder():
    with user_lock:
        with cond:
            held.set()
            release.wait(20)


def spinner():
    while not stop.is_set():
        progress[0] += 1


h = threading.Thread(target=holder, name="holder")
s = threading.Thread(target=spinner, name="spinner")
h.start()
s.start()
held.wait(20)
while progress[0] == 0:
    pass
print("threads before fork:", sorted(t.name for t in threading.enumerate()))

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    me = threading.current_thread()
    print("child: current is main:", me is threading.main_thread(), me.name)
    print("child: enumerate:", [t.name for t in threading.enumerate()])
    print("child: active_count:", threading.active_count())
    print("child: holder alive:", h.is_alive(), "spinner alive:", s.is_alive())
    h.join()
    s.join(1)
    print("child: joined dead threads")
    # The spinner does not exist here: its counter no longer moves.
    before = progress[0]
    threading.Event().wait(0.05)
    print("child: spinner stopped:", progress[0] == before)
    # A user lock held by a thread that is gone stays locked (as in CPython) until reinitialised.
    print("child: user lock locked:", user_lock.locked(), user_lock.acquire(False))
    user_lock._at_fork_reinit()
    print("child: after _at_fork_reinit:", user_lock.acquire(False))
    # An import, new threads and a queue work in the child.
    import json
    q = queue.Queue()

    def worker(n):
        q.put(json.dumps({"n": n, "name": threading.current_thread().name}))

    ws = [threading.Thread(target=worker, args=(i,), name="child-w%d" % i) for i in range(3)]
    for w in ws:
        w.start()
    for w in ws:
        w.join()
    print("child: results:", sorted(q.get(timeout=5) for _ in ws))
    print("child: enumerate after:", [t.name for t in threading.enumerate()])
    child_exit(7)

code = wait_child(pid)
print("parent: child exit code:", code)
release.set()
stop.set()
h.join()
s.join()
print("parent: enumerate:", [t.name for t in threading.enumerate()])
