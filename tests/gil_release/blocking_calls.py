# Blocking calls release the GIL: while a thread waits in read/recv/accept/select/poll/lock/queue/
# subprocess wait, another thread runs Python code (and here ends the wait). See _release.py.
import os
import queue
import select
import socket
import subprocess
import sys
import threading

from _release import blocked_call

# os.read on a pipe
r, w = os.pipe()
blocked_call("os.read", lambda: os.read(r, 10), lambda: os.write(w, b"data"), b"data")

# a buffered file read and a text readline on a pipe
f = open(r, "rb", closefd=False)
blocked_call("file read", lambda: f.read(3), lambda: os.write(w, b"abc"), b"abc")
tf = open(r, "r", closefd=False)
blocked_call("text readline", tf.readline, lambda: os.write(w, b"line\n"), "line\n")
raw = open(r, "rb", buffering=0, closefd=False)
buf = bytearray(4)
blocked_call("readinto", lambda: (raw.readinto(buf), bytes(buf)), lambda: os.write(w, b"wxyz"),
             (4, b"wxyz"))

# select.select and poll on the pipe
blocked_call("select", lambda: select.select([r], [], [], 20)[0] == [r],
             lambda: os.write(w, b"s"), True)
os.read(r, 1)
p = select.poll()
p.register(r, select.POLLIN)
blocked_call("poll", lambda: [fd for fd, ev in p.poll(20000)] == [r],
             lambda: os.write(w, b"p"), True)
os.read(r, 1)
os.close(r)
os.close(w)

# sockets: recv, recv_into, accept
a, b = socket.socketpair()
a.settimeout(20)
blocked_call("socket recv", lambda: a.recv(10), lambda: b.sendall(b"ping"), b"ping")
mv = memoryview(bytearray(4))
blocked_call("socket recv_into", lambda: a.recv_into(mv), lambda: b.sendall(b"1234"), 4)
srv = socket.create_server(("127.0.0.1", 0))
srv.settimeout(20)
clients = []


def accept():
    conn, _ = srv.accept()
    with conn:
        return conn.recv(5)


def connect():
    c = socket.create_connection(srv.getsockname(), timeout=20)
    c.sendall(b"hello")
    clients.append(c)


blocked_call("socket accept", accept, connect, b"hello")
for c in clients:
    c.close()
srv.close()
a.close()
b.close()

# locks, conditions and queues
lock = threading.Lock()
lock.acquire()
blocked_call("lock acquire", lambda: lock.acquire(timeout=20), lock.release, True)
rlock = threading.RLock()
holder_ready = threading.Event()
holder_go = threading.Event()


def hold_rlock():
    with rlock:
        holder_ready.set()
        holder_go.wait(20)


h = threading.Thread(target=hold_rlock)
h.start()
holder_ready.wait(20)
blocked_call("rlock acquire", lambda: rlock.acquire(timeout=20) and (rlock.release() is None),
             holder_go.set, True)
h.join()
q = queue.Queue()
blocked_call("queue get", lambda: q.get(timeout=20), lambda: q.put("item"), "item")
ev = threading.Event()
blocked_call("event wait", lambda: ev.wait(20), ev.set, True)

# subprocess: wait for a child that exits when its stdin is closed
proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                        stdin=subprocess.PIPE)
blocked_call("subprocess wait", lambda: proc.wait(timeout=20), proc.stdin.close, 0)
proc2 = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdout.write(sys.stdin.read())"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
blocked_call("subprocess read", lambda: proc2.stdout.read(),
             lambda: (proc2.stdin.write(b"echo"), proc2.stdin.close()), b"echo")
proc2.wait()
proc2.stdout.close()
