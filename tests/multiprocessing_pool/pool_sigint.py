# Ctrl-C while the parent waits for a pool: SIGINT sent to the parent itself interrupts
# map() with KeyboardInterrupt; leaving the with statement terminates the workers, and no
# child is left behind.
import multiprocessing as mp
import os
import signal
import threading
import time
import _deadline


def slow(x):
    time.sleep(0.3)
    return x


if __name__ == '__main__':
    _deadline.arm()
    try:
        with mp.Pool(2) as pool:
            threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
            pool.map(slow, range(40))
            print('map finished?')
    except KeyboardInterrupt:
        print('KeyboardInterrupt')
    print(mp.active_children())
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        print('no zombie')
