# A signal sent while blocked stays pending (sigpending reports it) and its Python handler runs
# when pthread_sigmask unblocks it, before pthread_sigmask returns.
import os
import signal
import threading

signal.alarm(20)
log = []


def handler(signum, frame):
    log.append(signal.Signals(signum).name)


signal.signal(signal.SIGUSR1, handler)
signal.signal(signal.SIGUSR2, handler)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
print(signal.sigpending())
signal.raise_signal(signal.SIGUSR1)
for i in range(1000):
    pass
print("after raise:", log, signal.sigpending())
os.kill(os.getpid(), signal.SIGUSR2)
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)  # already pending: merged
print("after kill:", log, sorted(signal.sigpending()))
print(type(signal.sigpending()).__name__, [type(s).__name__ for s in signal.sigpending()])

old = signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
log.append("returned")
print(sorted(old), log, signal.sigpending())
signal.pthread_sigmask(signal.SIG_SETMASK, [])
log.append("returned")
print(log, signal.sigpending())

# A handler that raises makes pthread_sigmask raise (the mask is changed all the same).
def raising(signum, frame):
    raise RuntimeError("from handler %d" % signum)


signal.signal(signal.SIGUSR1, raising)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
signal.raise_signal(signal.SIGUSR1)
try:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
except RuntimeError as e:
    print("raised:", e)
print(signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.sigpending())

# Ignored while blocked: the pending signal is discarded.
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
signal.raise_signal(signal.SIGUSR2)
print("ignored but pending:", signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
print(signal.sigpending())

# Caught by a thread that does not block it while the main thread does: the handler runs once,
# in the main thread, and nothing is left pending for the main thread.
signal.signal(signal.SIGUSR1, handler)
log.clear()
go = threading.Event()


def receiver():
    go.wait()
    signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)


t = threading.Thread(target=receiver)
t.start()                     # started before the main thread blocks SIGUSR1
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
go.set()
t.join()
for i in range(1000):
    pass
print("thread-caught:", log, signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print("after unblock:", log)
