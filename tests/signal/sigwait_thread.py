# sigwait / sigwaitinfo / sigtimedwait in the main thread (GIL released while waiting) take a
# blocked signal that another thread sends with pthread_kill or os.kill; sigtimedwait returns
# None when its timeout passes; a signal already pending is taken at once.
import os
import signal
import threading
import time

signal.alarm(20)  # a hang fails fast
handled = []
signal.signal(signal.SIGUSR1, lambda s, f: handled.append(s))  # never runs: sigwait takes it
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
main = threading.get_ident()
ran = threading.Event()


def send(how, sig, wait=True):
    def worker():
        # Runs while the main thread waits: it holds no GIL there.
        ran.set()
        if wait:
            time.sleep(0.05)
        if how == "pthread_kill":
            signal.pthread_kill(main, sig)
        else:
            os.kill(os.getpid(), sig)
    ran.clear()
    t = threading.Thread(target=worker)
    t.start()
    return t


t = send("pthread_kill", signal.SIGUSR1)
r = signal.sigwait([signal.SIGUSR1, signal.SIGUSR2])
t.join()
print("sigwait:", repr(r), ran.is_set())

t = send("os.kill", signal.SIGUSR2)
r = signal.sigwait({signal.SIGUSR2})
t.join()
print("sigwait:", repr(r))

t = send("os.kill", signal.SIGUSR1)
info = signal.sigwaitinfo([signal.SIGUSR1])
t.join()
print("sigwaitinfo:", info.si_signo, info.si_code, info.si_pid == os.getpid(),
      info.si_uid == os.getuid())

t = send("pthread_kill", signal.SIGUSR2)
info = signal.sigtimedwait([signal.SIGUSR2], 10)
t.join()
print("sigtimedwait:", info.si_signo)

# Already pending: no wait.
signal.raise_signal(signal.SIGUSR1)
print(signal.sigpending(), signal.sigwait([signal.SIGUSR1]), signal.sigpending())
signal.raise_signal(signal.SIGUSR2)
print(signal.sigtimedwait([signal.SIGUSR2], 0).si_signo)

# Timeouts: None, and not before the time has passed.
t0 = time.monotonic()
print(signal.sigtimedwait([signal.SIGUSR1], 0.1), time.monotonic() - t0 >= 0.09)
print(signal.sigtimedwait([signal.SIGUSR1], 0))
print(signal.sigtimedwait([], 0.01))

# Other threads keep running while the main thread waits.
counter = [0]


def busy():
    for i in range(200000):
        counter[0] += 1
    signal.pthread_kill(main, signal.SIGUSR1)


t = threading.Thread(target=busy)
t.start()
signal.sigwait([signal.SIGUSR1])
t.join()
print("busy thread ran:", counter[0])
print("handler calls:", handled, signal.sigpending())
