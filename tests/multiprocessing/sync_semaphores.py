# Semaphore and BoundedSemaphore across processes: counting, timeouts, get_value, reprs,
# over-release.
import multiprocessing as mp
import signal
import time

signal.alarm(45)


def take(sem, got, n):
    for _ in range(n):
        sem.acquire()
        got.put(1)


if __name__ == "__main__":
    sem = mp.Semaphore(3)
    print(sem, sem.get_value())
    print([sem.acquire(False) for _ in range(4)], sem.get_value())
    print(sem.acquire(timeout=0.05))
    sem.release()
    sem.release()
    sem.release()
    sem.release()
    print(sem, "(unbounded)")

    sem = mp.Semaphore(0)
    got = mp.SimpleQueue()
    p = mp.Process(target=take, args=(sem, got, 5))
    p.start()
    for _ in range(5):
        sem.release()
    for _ in range(5):
        got.get()
    p.join(10)
    print("child took 5", p.exitcode, sem.get_value())

    b = mp.BoundedSemaphore(2)
    print(b, b.acquire(), b)
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError", e)
    with b:
        print("inside", b.get_value())
    print(b.get_value())
    try:
        mp.Semaphore(-1)
    except (ValueError, OSError) as e:
        print(type(e).__name__)
