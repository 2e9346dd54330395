# Lock and RLock shared by processes: mutual exclusion of a read-modify-write on shared
# memory, ownership, reprs, and the errors of release().
import multiprocessing as mp
import signal

signal.alarm(45)


def bump(lock, counter, n):
    for _ in range(n):
        with lock:
            v = counter.value
            counter.value = v + 1


def hold(lock, held, release):
    with lock:
        held.set()
        release.wait(10)


if __name__ == "__main__":
    for make in (mp.Lock, mp.RLock):
        lock = make()
        counter = mp.Value("i", 0, lock=False)
        ps = [mp.Process(target=bump, args=(lock, counter, 300)) for _ in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join(20)
        print(make.__name__, counter.value, [p.exitcode for p in ps])

    lock = mp.Lock()
    print(lock, lock.acquire(), lock)
    print(lock.acquire(False), lock.acquire(timeout=0.05))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError", e)
    held, release = mp.Event(), mp.Event()
    p = mp.Process(target=hold, args=(lock, held, release))
    p.start()
    held.wait(10)
    print(lock, lock.acquire(timeout=0.05))
    release.set()
    print(lock.acquire(timeout=10))
    lock.release()
    p.join(10)

    r = mp.RLock()
    print(r, r.acquire(), r.acquire(), r)
    r.release()
    r.release()
    try:
        r.release()
    except AssertionError as e:
        print("AssertionError", e)
    p = mp.Process(target=hold, args=(r, held, release))
    held.clear()
    release.clear()
    p.start()
    held.wait(10)
    print(r, r.acquire(False))
    release.set()
    p.join(10)
    print(r, p.exitcode)
