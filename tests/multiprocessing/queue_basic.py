# Queue between processes: FIFO order across a fork, timeouts (queue.Empty / queue.Full),
# qsize/empty/full, put_nowait/get_nowait, close.
import multiprocessing as mp
import queue
import signal

signal.alarm(45)


def producer(q, n):
    for i in range(n):
        q.put(("item", i, "x" * i))
    q.put(None)


def doubler(inq, outq):
    for x in iter(inq.get, None):
        outq.put(x * 2)
    outq.put("done")


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=producer, args=(q, 50))
    p.start()
    got = list(iter(lambda: q.get(timeout=10), None))
    p.join(10)
    print(len(got), got[0], got[-1][:2], p.exitcode)

    inq, outq = mp.Queue(), mp.Queue()
    workers = [mp.Process(target=doubler, args=(inq, outq)) for _ in range(2)]
    for w in workers:
        w.start()
    for i in range(20):
        inq.put(i)
    for _ in workers:
        inq.put(None)
    results, done = [], 0
    while done < 2:
        x = outq.get(timeout=10)
        if x == "done":
            done += 1
        else:
            results.append(x)
    for w in workers:
        w.join(10)
    print(sorted(results) == [2 * i for i in range(20)], [w.exitcode for w in workers])

    q = mp.Queue(maxsize=2)
    print(q.empty(), q.full(), q.qsize())
    q.put(1)
    q.put_nowait(2)
    print(q.full(), q.qsize())
    for bad in [lambda: q.put(3, timeout=0.05), lambda: q.put_nowait(3),
                lambda: q.put(3, block=False)]:
        try:
            bad()
        except queue.Full:
            print("Full")
    print(q.get(timeout=10), q.get(timeout=10), q.qsize())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty")
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty")
    print(mp.queues.Queue is type(q), mp.queues.Queue[int])
    q.close()
    q.join_thread()
    try:
        q.put(1)
    except ValueError as e:
        print("ValueError", str(e).endswith("is closed"))
