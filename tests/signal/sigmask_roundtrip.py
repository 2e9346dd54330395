# pthread_sigmask: SIG_BLOCK / SIG_UNBLOCK / SIG_SETMASK round trips return the previous mask as
# a set of Signals members; the iterable may hold ints, Signals members, a range or
# valid_signals(); a thread inherits the mask of the thread that starts it.
import signal
import threading
import warnings

signal.alarm(20)  # a hang fails fast (SIGALRM's default action ends the process)
S = signal.Signals
print(repr(signal.SIG_BLOCK), repr(signal.SIG_UNBLOCK), repr(signal.SIG_SETMASK))
print(list(signal.Sigmasks))

base = signal.pthread_sigmask(signal.SIG_SETMASK, [])
print("start:", sorted(base))
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, int(signal.SIGUSR2)]))
old = signal.pthread_sigmask(signal.SIG_BLOCK, (signal.SIGHUP,))
print(sorted(old), all(type(s) is S for s in old))
print(sorted(signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})))
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))       # a query
print(sorted(signal.pthread_sigmask(signal.SIG_SETMASK, iter([signal.SIGTERM, 34]))))
cur = signal.pthread_sigmask(signal.SIG_BLOCK, [])
print(sorted(cur), [type(s).__name__ for s in sorted(cur)])

# SIGKILL and SIGSTOP cannot be blocked; asking is not an error.
signal.pthread_sigmask(signal.SIG_SETMASK, [signal.SIGKILL, signal.SIGSTOP, signal.SIGINT])
print(sorted(signal.pthread_sigmask(signal.SIG_SETMASK, [])))

# Everything, then nothing: the C library's reserved signals (32 and 33 on glibc) are skipped
# with a RuntimeWarning for range(1, NSIG); valid_signals() has none of them.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    signal.pthread_sigmask(signal.SIG_BLOCK, range(1, signal.NSIG))
    for w in caught:
        print(w.category.__name__, w.message)
everything = signal.pthread_sigmask(signal.SIG_UNBLOCK, signal.valid_signals())
print(len(everything), signal.SIGKILL in everything, signal.SIGRTMAX in everything,
      everything == signal.valid_signals() - {signal.SIGKILL, signal.SIGSTOP})
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, 32])
    except RuntimeWarning as e:
        print("error filter:", e)
print("mask unchanged:", sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))

# Threads inherit the creator's mask, and their own changes stay theirs.
signal.pthread_sigmask(signal.SIG_SETMASK, [signal.SIGUSR2, signal.SIGWINCH])
seen = {}


def worker():
    seen["inherited"] = sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]))
    seen["own"] = sorted(signal.pthread_sigmask(signal.SIG_BLOCK, []))


t = threading.Thread(target=worker)
t.start()
t.join()
print(seen["inherited"], seen["own"])
print("main:", sorted(signal.pthread_sigmask(signal.SIG_SETMASK, base)))
print(signal.pthread_sigmask(signal.SIG_BLOCK, []) == base)
