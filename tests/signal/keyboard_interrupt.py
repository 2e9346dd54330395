# SIGINT raises KeyboardInterrupt in the main thread; an uncaught one ends the program
# (traceback, then the process dies of SIGINT as CPython's does).
import signal
import time

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
try:
    signal.setitimer(signal.ITIMER_REAL, 0.02)
    signal.signal(signal.SIGALRM, signal.default_int_handler)
    time.sleep(5)
except KeyboardInterrupt:
    print("sleep interrupted by KeyboardInterrupt")
print("raising for real", flush=True)
signal.raise_signal(signal.SIGINT)
print("not reached")
