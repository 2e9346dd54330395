# Many threads mutating shared lists, dicts and counters under locks: the final state is exact.
import threading

N_THREADS = 16
ROUNDS = 400
lock = threading.Lock()
rlock = threading.RLock()
counter = [0]
shared = {}
log = []
cond = threading.Condition()
turns = [0]


def worker(tid):
    for i in range(ROUNDS):
        with lock:
            counter[0] += 1
            shared[tid] = shared.get(tid, 0) + i
        with rlock:
            with rlock:
                log.append((tid, i))
        if i % 100 == 0:
            with cond:
                turns[0] += 1
                cond.notify_all()


ts = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for t in ts:
    t.start()
with cond:
    cond.wait_for(lambda: turns[0] == N_THREADS * (ROUNDS // 100), timeout=10)
for t in ts:
    t.join()
print(counter[0], N_THREADS * ROUNDS)
print(sorted(shared.items()) == [(t, sum(range(ROUNDS))) for t in range(N_THREADS)])
print(len(log), len(set(log)), turns[0])
per_thread = [sorted(i for (t, i) in log if t == tid) == list(range(ROUNDS)) for tid in range(N_THREADS)]
print(all(per_thread), threading.active_count())
