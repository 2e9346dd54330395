# JoinableQueue (task_done/join across processes) and SimpleQueue.
import multiprocessing as mp
import signal

signal.alarm(45)


def consumer(jq, results):
    while True:
        item = jq.get(timeout=10)
        if item is None:
            jq.task_done()
            break
        results.put(item * item)
        jq.task_done()


def simple_worker(sq_in, sq_out):
    while True:
        x = sq_in.get()
        if x is None:
            break
        sq_out.put(str(x))


if __name__ == "__main__":
    jq = mp.JoinableQueue()
    results = mp.SimpleQueue()
    p = mp.Process(target=consumer, args=(jq, results))
    p.start()
    for i in range(10):
        jq.put(i)
    jq.put(None)
    jq.join()
    print("joined", sorted(results.get() for _ in range(10)))
    p.join(10)
    print(p.exitcode)
    try:
        jq.task_done()
    except ValueError as e:
        print("ValueError", e)

    a, b = mp.SimpleQueue(), mp.SimpleQueue()
    print(a.empty())
    p = mp.Process(target=simple_worker, args=(a, b))
    p.start()
    for x in [1, 2.5, (3,)]:
        a.put(x)
    a.put(None)
    print([b.get() for _ in range(3)])
    p.join(10)
    print(p.exitcode, a.empty(), b.empty(), mp.SimpleQueue[int])
    a.close()
    b.close()
