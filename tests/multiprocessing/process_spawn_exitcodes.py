# Spawned children report exit codes, exceptions and signals as forked ones do.
import multiprocessing as mp
import signal
import sys
import time


def exit_with(code):
    sys.exit(code)


def fail():
    raise KeyError("spawned failure")


def sleeper(ev):
    ev.set()
    time.sleep(60)


if __name__ == "__main__":
    signal.alarm(45)
    mp.set_start_method("spawn")
    print(mp.get_start_method())
    for code in (0, 3):
        p = mp.Process(target=exit_with, args=(code,))
        p.start()
        p.join(20)
        print("exit", code, p.exitcode)
    ev = mp.Event()
    p = mp.Process(target=sleeper, args=(ev,))
    p.start()
    print(ev.wait(20))
    p.terminate()
    p.join(20)
    print("terminated", p.exitcode)
    p = mp.Process(target=fail)
    p.start()
    p.join(20)
    print("failed", p.exitcode)
