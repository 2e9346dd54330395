# ProcessPoolExecutor.shutdown: wait=True runs the pending calls to the end; cancel_futures
# cancels the calls not started; max_tasks_per_child replaces workers; the parent's SIGINT
# while waiting interrupts the wait with KeyboardInterrupt and shutdown still cleans up
# (no waitpid check here: with spawn, CPython also starts its resource tracker).
import multiprocessing as mp
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
import _deadline


def nap(t):
    time.sleep(t)
    return t


if __name__ == '__main__':
    _deadline.arm()
    ex = ProcessPoolExecutor(2)
    fs = [ex.submit(nap, 0.02) for _ in range(6)]
    ex.shutdown(wait=True)
    print([f.result() for f in fs], mp.active_children())
    ex.shutdown()

    ex = ProcessPoolExecutor(1)
    first = ex.submit(nap, 0.3)
    rest = [ex.submit(nap, 0) for _ in range(6)]
    while not first.running():
        time.sleep(0.01)
    ex.shutdown(wait=True, cancel_futures=True)
    print(first.result(), rest[-1].cancelled(), all(f.done() for f in rest))

    with ProcessPoolExecutor(1, max_tasks_per_child=2) as ex:
        pids = [ex.submit(os.getpid).result(timeout=10) for _ in range(4)]
    print('distinct workers:', len(set(pids)))

    try:
        with ProcessPoolExecutor(2) as ex:
            ex.submit(nap, 0).result(timeout=10)
            threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT)).start()
            ex.submit(nap, 0.5).result(timeout=10)
            print('not interrupted?')
    except KeyboardInterrupt:
        print('KeyboardInterrupt')
    print(mp.active_children())
