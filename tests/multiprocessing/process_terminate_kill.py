# terminate() sends SIGTERM, kill() SIGKILL: the exit code is minus the signal number and the
# repr names the signal.
import multiprocessing as mp
import signal
import time

signal.alarm(45)


def sleeper(ready):
    ready.set()
    time.sleep(60)


if __name__ == "__main__":
    for how in ("terminate", "kill"):
        ready = mp.Event()
        p = mp.Process(target=sleeper, args=(ready,))
        p.start()
        print(ready.wait(10), p.is_alive())
        getattr(p, how)()
        p.join(10)
        print(how, p.exitcode, p.is_alive(), repr(p).split(" ")[-1])
    # Signalling a finished process is harmless.
    p.terminate()
    p.kill()
    print(p.exitcode)
    try:
        p.close()
        p.is_alive()
    except ValueError as e:
        print("ValueError", e)
