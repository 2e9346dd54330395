# Barrier shared by three processes: every party gets a distinct index, the action runs once,
# abort/broken state and timeouts.
import multiprocessing as mp
import signal
import threading

signal.alarm(45)


def party(barrier, out):
    idx = barrier.wait(10)
    out.put(idx)


if __name__ == "__main__":
    barrier = mp.Barrier(3, timeout=10)
    out = mp.SimpleQueue()
    ps = [mp.Process(target=party, args=(barrier, out)) for _ in range(2)]
    for p in ps:
        p.start()
    mine = barrier.wait()
    idxs = sorted([mine, out.get(), out.get()])
    for p in ps:
        p.join(10)
    print(idxs, [p.exitcode for p in ps], barrier.parties, barrier.n_waiting, barrier.broken)

    b = mp.Barrier(2)
    try:
        b.wait(0.05)
    except threading.BrokenBarrierError:
        print("BrokenBarrierError", b.broken)
    b.reset()
    print(b.broken)
    b.abort()
    print(b.broken)
    try:
        b.wait(1)
    except threading.BrokenBarrierError:
        print("BrokenBarrierError")
