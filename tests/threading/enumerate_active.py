# active_count, enumerate, current_thread inside threads; threads end and leave the registry.
import threading

start = threading.Event()
stop = threading.Event()
names = []


def wait_here():
    names.append(threading.current_thread().name)
    start.set() if len(names) == 3 else None
    stop.wait(5)


ts = [threading.Thread(target=wait_here, name="w%d" % i) for i in range(3)]
for t in ts:
    t.start()
start.wait(5)
print(threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
stop.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(sorted(names))
