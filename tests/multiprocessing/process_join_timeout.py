# join(timeout) returns after the timeout while the child still runs (exitcode None), and
# connection.wait() on sentinels reports the children that ended.
import multiprocessing as mp
from multiprocessing.connection import wait
import signal

signal.alarm(45)


def wait_for(ev):
    ev.wait(20)


if __name__ == "__main__":
    ev = mp.Event()
    p = mp.Process(target=wait_for, args=(ev,))
    q = mp.Process(target=wait_for, args=(ev,))
    p.start()
    q.start()
    p.join(0.05)
    print(p.exitcode, p.is_alive(), len(mp.active_children()))
    print(wait([p.sentinel, q.sentinel], timeout=0.05))
    ev.set()
    done = []
    while len(done) < 2:
        for s in wait([p.sentinel, q.sentinel], timeout=10):
            if s not in done:
                done.append(s)
    p.join(10)
    q.join(10)
    print(sorted(done) == sorted([p.sentinel, q.sentinel]), p.exitcode, q.exitcode)
    print(mp.active_children())
