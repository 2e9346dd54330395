# Errors of pthread_sigmask, sigpending, sigwait, sigwaitinfo, sigtimedwait and pthread_kill:
# CPython's exception types and messages; a failed call leaves the mask as it was.
import _signal
import signal
import threading

signal.alarm(20)


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


class Index:
    def __index__(self):
        return 10


class Zero:
    def __index__(self):
        return 0


def failing_iter():
    yield signal.SIGUSR1
    raise KeyError("from the iterable")


B = signal.SIG_BLOCK
attempt("how 5", lambda: signal.pthread_sigmask(5, []))
attempt("how -1", lambda: signal.pthread_sigmask(-1, []))
attempt("how str", lambda: signal.pthread_sigmask("x", []))
attempt("how float", lambda: signal.pthread_sigmask(1.0, []))
attempt("how 2**40", lambda: signal.pthread_sigmask(2**40, []))
attempt("how -2**40", lambda: signal.pthread_sigmask(-2**40, []))
attempt("how __index__", lambda: signal.pthread_sigmask(Index(), []))
for bad in [0, 65, -1, 2**31, -2**31 - 1, 2**70, -2**70]:
    attempt("signal %d" % bad if abs(bad) < 2**40 else "signal huge", lambda: signal.pthread_sigmask(B, [bad]))
attempt("str item", lambda: signal.pthread_sigmask(B, ["a"]))
attempt("float item", lambda: signal.pthread_sigmask(B, [1.5]))
attempt("not iterable", lambda: signal.pthread_sigmask(B, 5))
attempt("None", lambda: signal.pthread_sigmask(B, None))
attempt("dict of str", lambda: signal.pthread_sigmask(B, {"a": 1}))
attempt("failing iterable", lambda: signal.pthread_sigmask(B, failing_iter()))
attempt("__index__ item", lambda: sorted(signal.pthread_sigmask(B, [Index(), True])))
attempt("mask now", lambda: sorted(signal.pthread_sigmask(signal.SIG_SETMASK, [])))
attempt("wrapper arity", lambda: signal.pthread_sigmask(B))
attempt("wrapper keywords", lambda: signal.pthread_sigmask(how=B, mask=[]))
attempt("_signal arity", lambda: _signal.pthread_sigmask(B))
attempt("_signal keywords", lambda: _signal.pthread_sigmask(how=B, mask=[]))

attempt("sigpending arg", lambda: signal.sigpending(1))
attempt("_signal.sigpending arg", lambda: _signal.sigpending(1))

attempt("sigwait int", lambda: signal.sigwait(5))
attempt("sigwait 0", lambda: signal.sigwait([0]))
attempt("sigwait no arg", lambda: _signal.sigwait())
attempt("sigwait keyword", lambda: _signal.sigwait(sigset=[]))
attempt("sigwaitinfo 100", lambda: signal.sigwaitinfo([100]))
attempt("sigwaitinfo no arg", lambda: signal.sigwaitinfo())
attempt("sigwaitinfo keyword", lambda: signal.sigwaitinfo(sigset=[]))

U = [signal.SIGUSR1]
attempt("timeout -1", lambda: signal.sigtimedwait(U, -1))
attempt("timeout -0.5", lambda: signal.sigtimedwait(U, -0.5))
attempt("timeout -1e-10", lambda: signal.sigtimedwait(U, -1e-10))
attempt("timeout -0.0", lambda: signal.sigtimedwait(U, -0.0))
attempt("timeout False", lambda: signal.sigtimedwait(U, False))
attempt("timeout __index__", lambda: signal.sigtimedwait(U, Zero()))
attempt("timeout str", lambda: signal.sigtimedwait(U, "x"))
attempt("timeout None", lambda: signal.sigtimedwait(U, None))
attempt("timeout nan", lambda: signal.sigtimedwait(U, float("nan")))
attempt("timeout inf", lambda: signal.sigtimedwait(U, float("inf")))
attempt("timeout 1e300", lambda: signal.sigtimedwait(U, 1e300))
attempt("timeout 9.3e9", lambda: signal.sigtimedwait(U, 9.3e9))
attempt("timeout 10**10", lambda: signal.sigtimedwait(U, 10**10))
attempt("timeout 2**64", lambda: signal.sigtimedwait(U, 2**64))
attempt("timeout -2**64", lambda: signal.sigtimedwait(U, -2**64))
attempt("sigset checked first", lambda: signal.sigtimedwait([0], -1))
attempt("sigtimedwait arity", lambda: signal.sigtimedwait(U))
attempt("sigtimedwait keywords", lambda: signal.sigtimedwait(U, timeout=1))

me = threading.get_ident()
attempt("pthread_kill sig 0", lambda: signal.pthread_kill(me, 0))
attempt("pthread_kill sig 65", lambda: signal.pthread_kill(me, 65))
attempt("pthread_kill sig -1", lambda: signal.pthread_kill(me, -1))
attempt("pthread_kill sig str", lambda: signal.pthread_kill(me, "x"))
attempt("pthread_kill sig 2**40", lambda: signal.pthread_kill(me, 2**40))
attempt("pthread_kill thread float", lambda: signal.pthread_kill(1.5, signal.SIGUSR1))
attempt("pthread_kill thread str", lambda: signal.pthread_kill("1", signal.SIGUSR1))
attempt("pthread_kill arity", lambda: signal.pthread_kill(me))
attempt("pthread_kill keywords", lambda: signal.pthread_kill(thread_id=me, signalnum=0))
print(signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.sigpending())
