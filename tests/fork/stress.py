# Many forks while other threads run Python code, sleep, wait on locks and conditions, write to a
# pipe and print: every child must work (start a thread, use a queue, fork a grandchild) and exit
# with its code; a deadlock in a child is caught by the deadline of wait_child.
import os
import queue
import sys
import threading
import time
import warnings

from _forkutil import child_exit, wait_child

warnings.simplefilter("ignore", DeprecationWarning)
stop = threading.Event()
cond = threading.Condition()
shared = queue.Queue()
r, w = os.pipe()


def spinner():
    n = 0
    while not stop.is_set():
        n += 1
        if n % 1000 == 0:
            with cond:
                cond.notify_all()


def waiter():
    while not stop.is_set():
        with cond:
            cond.wait(0.01)
        shared.put(1)
        shared.get()


def writer():
    while not stop.is_set():
        os.write(w, b"x")
        time.sleep(0.0002)


def reader():
    while not stop.is_set():
        os.read(r, 100)


devnull = open(os.devnull, "w")


def printer():
    while not stop.is_set():
        print("line", file=devnull, flush=True)


workers = [threading.Thread(target=f, daemon=True) for f in (spinner, waiter, writer, reader, printer)]
for t in workers:
    t.start()

N = 15
codes = []
for i in range(N):
    time.sleep(0.002)
    pid = os.fork()
    if pid == 0:
        q = queue.Queue()
        t = threading.Thread(target=lambda: q.put(i * 2))
        t.start()
        t.join()
        value = q.get(timeout=5)
        gpid = os.fork()
        if gpid == 0:
            child_exit(9)
        if wait_child(gpid) != 9:
            child_exit(100)
        child_exit(value // 2 if value == i * 2 else 101)
    codes.append(wait_child(pid))
stop.set()
os.write(w, b"x")
print("all children exited with their code:", codes == list(range(N)))
if codes != list(range(N)):
    print(codes, file=sys.stderr)
