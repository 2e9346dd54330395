# signal.struct_siginfo: the structseq sigwaitinfo/sigtimedwait return, and the deterministic
# fields for signals sent by kill (SI_USER), by tgkill (pthread_kill, raise_signal) and by the
# kernel (an interval timer: SI_KERNEL).
import os
import signal
import threading

signal.alarm(20)
T = signal.struct_siginfo
print(T, T.__name__, T.__qualname__, T.__module__, T.__mro__)
print(T.__doc__)
s = T((1, 2, 3, 4, 5, 6, 7))
print(s)
print(s.si_signo, s.si_code, s.si_errno, s.si_pid, s.si_uid, s.si_status, s.si_band)
print(s[0], s[-1], len(s), tuple(s), s == (1, 2, 3, 4, 5, 6, 7), isinstance(s, tuple))
try:
    s.si_signo = 5
except AttributeError as e:
    print("AttributeError:", e)
for bad in [(1, 2, 3), (1, 2, 3, 4, 5, 6, 7, 8)]:
    try:
        T(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    T()
except TypeError as e:
    print("TypeError:", e)

SI_USER, SI_TKILL, SI_KERNEL = 0, -6, 128
mask = [signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM]
signal.pthread_sigmask(signal.SIG_BLOCK, mask)


def show(info):
    print(type(info).__name__, signal.Signals(info.si_signo).name, info.si_errno,
          info.si_pid == os.getpid(), info.si_uid == os.getuid(), info.si_status,
          [type(x).__name__ for x in info])


os.kill(os.getpid(), signal.SIGUSR1)
info = signal.sigwaitinfo(mask)
show(info)
print("kill:", info.si_code == SI_USER)

signal.pthread_kill(threading.get_ident(), signal.SIGUSR2)
info = signal.sigtimedwait(mask, 1.5)
show(info)
print("pthread_kill:", info.si_code in (SI_USER, SI_TKILL))

signal.raise_signal(signal.SIGUSR1)
info = signal.sigtimedwait(mask, 0)
show(info)
print("raise_signal:", info.si_code in (SI_USER, SI_TKILL))

signal.setitimer(signal.ITIMER_REAL, 0.01)
info = signal.sigwaitinfo(mask)
print(signal.Signals(info.si_signo).name, info.si_code == SI_KERNEL, info.si_pid, info.si_uid)
print(signal.sigpending())
