# The signal module: handlers run in the main thread; blocking waits (sleep, lock acquire, join)
# are interrupted by a handler that raises; errors as CPython.
import signal, time, threading, _thread
print(signal.SIGINT, repr(signal.SIGINT), signal.getsignal(signal.SIGINT) is signal.default_int_handler, repr(signal.getsignal(signal.SIGTERM)))
got = []
def h(signum, frame):
    got.append(signum)
old = signal.signal(signal.SIGUSR1, h)
print(repr(old))
signal.raise_signal(signal.SIGUSR1)
print(got)
signal.setitimer(signal.ITIMER_REAL, 0.05)
def alarm(s, f): raise RuntimeError("alarm!")
signal.signal(signal.SIGALRM, alarm)
t0 = time.monotonic()
try:
    time.sleep(5)
except RuntimeError as e:
    print("sleep interrupted:", e, time.monotonic() - t0 < 1)
signal.setitimer(signal.ITIMER_REAL, 0.05)
l = threading.Lock(); l.acquire()
try:
    l.acquire()
except RuntimeError as e:
    print("acquire interrupted:", e)
signal.setitimer(signal.ITIMER_REAL, 0.05)
ev = threading.Event()
t = threading.Thread(target=ev.wait); t.start()
try:
    t.join()
except RuntimeError as e:
    print("join interrupted:", e)
ev.set(); t.join()
def other():
    try: signal.signal(signal.SIGUSR1, h)
    except ValueError as e: print(e)
t = threading.Thread(target=other); t.start(); t.join()
try:
    _thread.interrupt_main()
    for i in range(1000): pass
except KeyboardInterrupt:
    print("KeyboardInterrupt")
try: signal.signal(99, h)
except ValueError as e: print(e)
try: signal.signal(signal.SIGUSR1, 5)
except TypeError as e: print(e)
try: signal.signal(signal.SIGKILL, h)
except OSError as e: print(e)
