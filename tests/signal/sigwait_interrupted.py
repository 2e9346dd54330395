# A handled signal interrupting sigwaitinfo/sigtimedwait runs its handler: an exception from it
# ends the wait; otherwise the wait goes on (sigtimedwait up to its original deadline).
import signal
import time

signal.alarm(20)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
calls = []


def raising(signum, frame):
    calls.append("raising")
    raise RuntimeError("interrupted by %s" % signal.Signals(signum).name)


def quiet(signum, frame):
    calls.append("quiet")


signal.signal(signal.SIGALRM, raising)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    signal.sigwaitinfo([signal.SIGUSR1])
except RuntimeError as e:
    print("sigwaitinfo:", e)

signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    signal.sigtimedwait([signal.SIGUSR1], 10)
except RuntimeError as e:
    print("sigtimedwait:", e)

signal.signal(signal.SIGALRM, quiet)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
r = signal.sigtimedwait([signal.SIGUSR1], 0.3)
print(r, calls, time.monotonic() - t0 >= 0.29)

# sigwait itself takes a signal that has a handler, without running the handler.
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
signal.setitimer(signal.ITIMER_REAL, 0.02)
print(repr(signal.sigwait([signal.SIGALRM])), calls)
info = signal.sigtimedwait([signal.SIGALRM], 0)
print(info)
signal.setitimer(signal.ITIMER_REAL, 0.02)
info = signal.sigwaitinfo([signal.SIGALRM])
print(info.si_signo, info.si_code, info.si_pid, info.si_uid, calls)  # SI_KERNEL
