# A signal sent while a worker thread runs is handled by the main thread, at its next check.
import os
import signal
import threading

where = []


def handler(signum, frame):
    where.append((signal.Signals(signum).name, threading.current_thread().name))


signal.signal(signal.SIGUSR1, handler)
signal.signal(signal.SIGUSR2, handler)
done = threading.Event()


def worker():
    os.kill(os.getpid(), signal.SIGUSR1)
    signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR2)
    done.set()


t = threading.Thread(target=worker, name="sender")
t.start()
t.join()
done.wait(5)
for i in range(1000):   # pending handlers run at the next check of the main thread
    pass
print(sorted(where))
print(signal.getsignal(signal.SIGUSR1) is handler)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print(signal.getsignal(signal.SIGUSR1))
print(signal.Signals(6).name, signal.SIGALRM.name, int(signal.SIGTERM))
