# Misuse of a Process object raises as in CPython.
import multiprocessing as mp
import signal
import time

signal.alarm(45)


def nap(t):
    time.sleep(t)


if __name__ == "__main__":
    p = mp.Process(target=nap, args=(0,))
    for what in ("join", "sentinel"):
        try:
            getattr(p, what) if what == "sentinel" else p.join()
        except (AssertionError, ValueError) as e:
            print(what, type(e).__name__, e)
    p.start()
    try:
        p.start()
    except AssertionError as e:
        print("start twice:", e)
    try:
        p.daemon = True
    except AssertionError as e:
        print("daemon after start:", e)
    p.join(10)
    print(isinstance(p.sentinel, int), p.exitcode)
    q = mp.Process(target=nap, args=(30,))
    q.start()
    try:
        q.close()
    except ValueError as e:
        print("close running:", e)
    q.kill()
    q.join(10)
    q.close()
    q.close()
    for what in ("is_alive", "join", "start", "terminate"):
        try:
            getattr(q, what)()
        except ValueError as e:
            print(what, "ValueError", e)
    try:
        mp.Process(group=1)
    except AssertionError as e:
        print("group:", e)
    try:
        mp.Process().name = 5
    except AssertionError as e:
        print("name:", e)
