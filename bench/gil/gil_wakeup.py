# Wake-up latency: a thread sleeping 1 ms in a loop while a CPU-bound thread spins. Prints the
# median and 90th percentile lateness (how much later than 1 ms it woke up), in ms.
#   gil_wakeup.py [interval_seconds]   (optional sys.setswitchinterval; ignored on Python 2)
import sys
import threading
import time

if len(sys.argv) > 1 and hasattr(sys, "setswitchinterval"):
    sys.setswitchinterval(float(sys.argv[1]))
clock = getattr(time, "perf_counter", time.time)
stop = []
late = []


def spin():
    n = 0
    while not stop:
        n += 1


def sleeper():
    for _ in range(200):
        t0 = clock()
        time.sleep(0.001)
        late.append((clock() - t0 - 0.001) * 1000.0)


s = threading.Thread(target=spin)
s.start()
w = threading.Thread(target=sleeper)
w.start()
w.join()
stop.append(1)
s.join()
late.sort()
print("wakeup: median late %.3f ms, p90 %.3f ms (%d samples)" % (
    late[len(late) // 2], late[len(late) * 9 // 10], len(late)))
