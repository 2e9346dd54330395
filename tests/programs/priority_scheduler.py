# A priority-queue task scheduler: a hand-written binary heap, generator-based tasks, simulated clock.
class Heap:
    def __init__(self):
        self._data = []
    def __len__(self):
        return len(self._data)
    def push(self, item):
        data = self._data
        data.append(item)
        i = len(data) - 1
        while i > 0:
            parent = (i - 1) // 2
            if data[i] < data[parent]:
                data[i], data[parent] = data[parent], data[i]
                i = parent
            else:
                break
    def pop(self):
        data = self._data
        if not data:
            raise IndexError("pop from empty heap")
        top = data[0]
        last = data.pop()
        if data:
            data[0] = last
            i = 0
            while True:
                left, right, smallest = 2 * i + 1, 2 * i + 2, i
                if left < len(data) and data[left] < data[smallest]:
                    smallest = left
                if right < len(data) and data[right] < data[smallest]:
                    smallest = right
                if smallest == i:
                    break
                data[i], data[smallest] = data[smallest], data[i]
                i = smallest
        return top
class Task:
    _counter = 0
    def __init__(self, name, priority, gen):
        Task._counter += 1
        self.seq = Task._counter
        self.name, self.priority, self.gen = name, priority, gen
        self.wake_at = 0
    def key(self):
        return (self.wake_at, self.priority, self.seq)
    def __lt__(self, other):
        return self.key() < other.key()
    def __repr__(self):
        return f"<{self.name} p{self.priority}>"
class Scheduler:
    def __init__(self):
        self.queue = Heap()
        self.clock = 0
        self.finished = []
    def spawn(self, name, priority, gen):
        task = Task(name, priority, gen)
        task.wake_at = self.clock
        self.queue.push(task)
        return task
    def run(self, limit=100):
        steps = 0
        while self.queue and steps < limit:
            task = self.queue.pop()
            self.clock = max(self.clock, task.wake_at)
            steps += 1
            try:
                delay = next(task.gen)
            except StopIteration as stop:
                self.finished.append((task.name, self.clock, stop.value))
                print(f"t={self.clock:>2} {task.name} finished -> {stop.value!r}")
                continue
            except Exception as e:
                print(f"t={self.clock:>2} {task.name} crashed: {type(e).__name__}: {e}")
                continue
            task.wake_at = self.clock + (delay or 0)
            self.queue.push(task)
        return steps
log = []
def worker(name, jobs, cost):
    done = 0
    for job in jobs:
        log.append(f"{name}:{job}")
        print(f"      {name} working on {job}")
        yield cost
        done += 1
    return done
def flaky():
    yield 1
    yield 1
    raise RuntimeError("disk full")
def spawner(sched):
    for i in range(2):
        sched.spawn(f"child{i}", 0, worker(f"child{i}", ["x"], 1))
        yield 2
    return "spawned 2"
s = Scheduler()
s.spawn("low", 5, worker("low", ["a", "b"], 3))
s.spawn("high", 1, worker("high", ["c", "d", "e"], 2))
s.spawn("flaky", 3, flaky())
s.spawn("spawner", 2, spawner(s))
print("steps:", s.run())
print(log)
print(sorted(s.finished, key=lambda f: (f[1], f[0])))
h = Heap()
for x in [5, 3, 8, 1, 9, 2, 7]:
    h.push(x)
print([h.pop() for _ in range(len(h))])
try:
    h.pop()
except IndexError as e:
    print(type(e).__name__, e)
