# The convoy effect (bpo-7946): 1-byte round trips to an echo peer in a child process, alone and
# with a CPU-bound thread beside them. Every recv() releases the GIL; when the reply arrives the
# CPU-bound thread holds it, and the I/O thread must wait for a drop request to be honoured (one
# switch interval, 5 ms by default) before it can send the next byte. Prints "name value" lines
# (read by bench/io/run.py):
#   alone_per_s        round trips per second with no other thread
#   with_cpu_per_s     round trips per second while a CPU-bound thread spins
#   cpu_loops_per_s    iterations per second of the CPU-bound thread meanwhile
#     convoy.py [seconds per phase] [switch interval in seconds]
import os
import socket
import sys
import threading
import time

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
if len(sys.argv) > 2:
    sys.setswitchinterval(float(sys.argv[2]))

here, there = socket.socketpair()
pid = os.fork()  # before any thread exists
if pid == 0:
    here.close()
    while True:
        b = there.recv(1)
        if not b:
            os._exit(0)
        there.sendall(b)
there.close()


def round_trips(seconds):
    n = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for _ in range(10):
            here.sendall(b"x")
            here.recv(1)
        n += 10
    return n / seconds


stop = False
loops = 0


def spin():
    global loops
    n = 0
    while not stop:
        n += 1
    loops = n


round_trips(0.1)  # warm up
alone = round_trips(SECONDS)
t = threading.Thread(target=spin)
t0 = time.monotonic()
t.start()
with_cpu = round_trips(SECONDS)
stop = True
t.join()
spent = time.monotonic() - t0
here.close()
os.waitpid(pid, 0)
print("alone_per_s %.1f" % alone)
print("with_cpu_per_s %.1f" % with_cpu)
print("cpu_loops_per_s %.1f" % (loops / spent))
