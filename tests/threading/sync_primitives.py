# Condition (wait, wait_for, notify, notify_all), Semaphore, BoundedSemaphore, Event, Barrier,
# Timer; their errors and timeouts.
import threading

cond = threading.Condition()
items = []


def consumer(out):
    with cond:
        cond.wait_for(lambda: items, timeout=5)
        out.append(items.pop())


out = []
ts = [threading.Thread(target=consumer, args=(out,)) for _ in range(3)]
for t in ts:
    t.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
for t in ts:
    t.join()
print(sorted(out))

try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
with cond:
    print("wait timeout:", cond.wait(0.01))
    print("wait_for timeout:", cond.wait_for(lambda: False, timeout=0.01))

# notify_all wakes everybody
ready = []
gate = threading.Condition(threading.Lock())
flag = [False]


def waiter():
    with gate:
        ready.append(1)
        gate.wait_for(lambda: flag[0], 5)


ws = [threading.Thread(target=waiter) for _ in range(4)]
for w in ws:
    w.start()
while True:
    with gate:
        if len(ready) == 4:
            flag[0] = True
            gate.notify_all()
            break
for w in ws:
    w.join()
print("notify_all woke", len(ready))

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
with b:
    print("with BoundedSemaphore")

e = threading.Event()
print(e.is_set(), e.wait(0.01))
threading.Timer(0.02, e.set).start()
print(e.wait(5), e.is_set())
e.clear()
print(e.is_set())

fired = []
t = threading.Timer(10, fired.append, args=[1])
t.start()
t.cancel()
t.join()
print("cancelled timer fired:", fired)

bar = threading.Barrier(3, action=lambda: fired.append("action"))
idx = []


def go():
    idx.append(bar.wait(5))


ts = [threading.Thread(target=go) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(idx), fired, bar.parties, bar.n_waiting, bar.broken)

bar2 = threading.Barrier(2)
try:
    bar2.wait(0.02)
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", type(e).__mro__[1].__name__, bar2.broken)
bar2.reset()
print(bar2.broken)
bar2.abort()
try:
    bar2.wait()
except threading.BrokenBarrierError:
    print("aborted barrier is broken")
