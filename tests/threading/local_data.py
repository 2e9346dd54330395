# threading.local: one namespace per thread; a subclass's __init__ runs in each thread.
import threading

data = threading.local()
data.x = "main"
seen = []


def worker(n):
    seen.append(hasattr(data, "x"))
    data.x = n
    seen.append(data.x == n)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(data.x, seen.count(False), seen.count(True))
try:
    data.missing
except AttributeError as e:
    print("AttributeError:", e)
del data.x
print(hasattr(data, "x"))


class Config(threading.local):
    def __init__(self, value):
        self.value = value
        self.items = []


cfg = Config(10)
cfg.items.append("main")
out = []


def use():
    out.append((cfg.value, list(cfg.items)))
    cfg.items.append("thread")


t = threading.Thread(target=use)
t.start()
t.join()
print(out, cfg.items)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
