# threading.Thread: start/run/join/is_alive/ident/native_id/name/daemon, subclassing, errors.
import threading

log = []


def work(x, y=0):
    log.append(x + y)


t = threading.Thread(target=work, args=(1,), kwargs={"y": 2}, name="worker")
print(t.name, t.ident, t.native_id, t.is_alive(), t.daemon)
print(repr(t))
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.start()
t.join(timeout=5)
print(log, t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
print(repr(t).startswith("<Thread(worker, stopped "))
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


c = Counter(1000)
c.start()
c.join()
print(c.total, c.name.startswith("Thread-"))


def named():
    pass


t2 = threading.Thread(target=named)
print(t2.name.endswith("(named)"))
t2.daemon = True
print(t2.daemon)
t2.start()
try:
    t2.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
t2.join()

# join with a timeout on a thread that is still blocked
ev = threading.Event()
t3 = threading.Thread(target=ev.wait, daemon=True)
t3.start()
t3.join(0.05)
print("alive after timed join:", t3.is_alive())
ev.set()
t3.join(5)
print("alive after set:", t3.is_alive())

seen = {}


def who():
    me = threading.current_thread()
    seen["name"] = me.name
    seen["same"] = me is t4
    seen["ident"] = threading.get_ident() == me.ident
    seen["main"] = threading.main_thread() is not me


t4 = threading.Thread(target=who, name="who")
t4.start()
t4.join()
print(sorted(seen.items()))
print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
