# queue: Queue, LifoQueue, PriorityQueue, SimpleQueue; block/timeout, Empty/Full, task_done/join.
import queue
import threading

q = queue.Queue(maxsize=2)
q.put(1)
q.put_nowait(2)
print(q.qsize(), q.full(), q.empty())
try:
    q.put(3, block=False)
except queue.Full:
    print("Full (non-blocking)")
try:
    q.put(3, timeout=0.01)
except queue.Full:
    print("Full (timeout)")
print(q.get(), q.get_nowait())
try:
    q.get(block=False)
except queue.Empty:
    print("Empty (non-blocking)")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty (timeout)")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 2]:
    lq.put(x)
    pq.put((x, str(x)))
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])

sq = queue.SimpleQueue()
sq.put("a")
sq.put_nowait("b")
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")

# producer / consumers with task_done and join
work = queue.Queue()
done = []
lock = threading.Lock()


def consumer():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        with lock:
            done.append(item * item)
        work.task_done()


cs = [threading.Thread(target=consumer) for _ in range(3)]
for c in cs:
    c.start()
for i in range(100):
    work.put(i)
work.join()
print(len(done), sum(done))
for c in cs:
    work.put(None)
for c in cs:
    c.join()
try:
    work.task_done()
except ValueError as e:
    print("ValueError:", e)

# a blocked get is woken by a put from another thread
q2 = queue.Queue()
threading.Timer(0.02, q2.put, args=["late"]).start()
print(q2.get(timeout=5))
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
