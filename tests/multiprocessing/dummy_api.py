# multiprocessing.dummy: the multiprocessing API on threads (Process, Pool = ThreadPool, Queue,
# Pipe/Listener/Client over queues, Manager() = the module with plain dict/list/Value/Array/
# Namespace), and its errors.
import signal
import threading
import multiprocessing.dummy as md
from multiprocessing.dummy import connection

signal.alarm(20)
print(sorted(md.__all__))
results = []


def work(x, out):
    out.put((x, md.current_process().name))


q = md.Queue()
procs = [md.Process(target=work, args=(i, q), name="t%d" % i) for i in range(3)]
print([p.exitcode for p in procs], md.active_children())
for p in procs:
    p.start()
for p in procs:
    p.join(10)
print(sorted(q.get(timeout=10) for _ in procs), [p.exitcode for p in procs], md.active_children())
print(md.Process is md.DummyProcess, issubclass(md.Process, threading.Thread),
      md.current_process() is threading.main_thread(), md.JoinableQueue is md.Queue)

gate = md.Event()
p = md.Process(target=gate.wait, args=(10,))
p.start()
print("running", p.exitcode, md.active_children() == [p], p.daemon)
gate.set()
p.join(10)
print("finished", p.exitcode, md.active_children())
try:
    p.start()
except RuntimeError as e:
    print("RuntimeError", e)

# Starting a process from another thread than the one that created it.
p = md.Process(target=print)
t = threading.Thread(target=lambda: results.append(_try_start(p)))


def _try_start(proc):
    try:
        proc.start()
    except RuntimeError as e:
        return str(e).startswith("Parent is <_MainThread(MainThread")
    return "started"


t.start()
t.join(10)
print("foreign start refused", results)

with md.Pool(3) as pool:
    print(pool.map(abs, range(-4, 4)), type(pool).__name__)
    print(pool.apply_async(sum, ([1, 2, 3],)).get(10), list(pool.imap(str, range(3))))

a, b = md.Pipe()
a.send({"k": [1, 2]})
obj = b.recv()
print(obj, b.poll(), b.poll(0.01))
b.send_bytes(b"raw")
print(a.recv_bytes(), a.poll(0))
with a, b:
    pass

with connection.Listener() as listener:
    print(connection.families, listener.address is not None)
    t = threading.Thread(target=lambda: results.append(listener.accept().recv()))
    t.start()
    c = connection.Client(listener.address)
    c.send("hello listener")
    t.join(10)
    print(results[-1])

m = md.Manager()
print(m is md, m.dict(a=1), m.list("ab"))
ns = m.Namespace(x=1, _hidden=2, b="s")
ns.y = [3]
print(ns)
v = m.Value("i", 5)
v.value += 1
print(v, v.value)
arr = m.Array("i", [1, 2, 3])
print(arr, md.freeze_support(), md.shutdown())
lock, rlock = md.Lock(), md.RLock()
with lock, rlock:
    print("locks", lock.locked())
sem = md.BoundedSemaphore(1)
sem.acquire()
sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError", e)
bar = md.Barrier(1)
print("barrier", bar.wait(1), md.Condition().acquire())
