# fork from a thread that is not the main thread: in the child that thread is the main thread
# (threading.main_thread(), signal handlers), the parent's main thread is gone, and the child
# can start and join threads.
import os
import signal
import sys
import threading
import warnings

from _forkutil import child_exit, wait_child

warnings.simplefilter("ignore", DeprecationWarning)
results = {}


def forker():
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        me = threading.current_thread()
        print("child: name:", me.name)
        print("child: is main_thread:", me is threading.main_thread())
        print("child: enumerate:", [t.name for t in threading.enumerate()])
        print("child: ident kept:", me.ident == threading.get_ident())
        got = []
        # Only the main thread may set handlers: the forking thread is the main thread now.
        signal.signal(signal.SIGUSR1, lambda sig, frame: got.append(sig))
        os.kill(os.getpid(), signal.SIGUSR1)
        for _ in range(1000):
            if got:
                break
            threading.Event().wait(0.001)
        print("child: handler ran:", got == [signal.SIGUSR1])
        t = threading.Thread(target=lambda: results.setdefault("inner", threading.current_thread().name),
                             name="grandchild-thread")
        t.start()
        t.join()
        print("child: inner thread ran:", results.get("inner"))
        try:
            signal.signal(signal.SIGUSR2, signal.SIG_IGN)
            print("child: SIGUSR2 handler set")
        except ValueError as e:
            print("child: ValueError", e)
        child_exit(3)
    results["code"] = wait_child(pid)


t = threading.Thread(target=forker, name="forker")
t.start()
t.join()
print("parent: child exit code:", results["code"])
print("parent: main thread still main:", threading.current_thread() is threading.main_thread())


# _thread.start_new_thread threads are not threading.Threads: the child makes a _MainThread.
import _thread

done = threading.Event()


def raw_forker():
    pid = os.fork()
    if pid == 0:
        me = threading.current_thread()
        print("child of raw thread:", type(me).__name__, me.name, me is threading.main_thread(),
              len(threading.enumerate()))
        child_exit(4)
    results["raw"] = wait_child(pid)
    done.set()


sys.stdout.flush()
_thread.start_new_thread(raw_forker, ())
done.wait(30)
print("parent: raw child exit code:", results["raw"])
