# multiprocessing.reduction: sendfds/recvfds and send_handle/recv_handle over Unix sockets and
# connections, DupFd through the resource sharer (in this process and in a child), their
# errors, and ForkingPickler sending built-in functions and methods by their own __reduce__.
import array
import multiprocessing as mp
import operator
import os
import pickle
import signal
import socket
import threading
from multiprocessing import reduction, resource_sharer

signal.alarm(30)

# sendfds / recvfds: the receiver acknowledges, the descriptors are new ones for the same files.
a, b = socket.socketpair()
a.settimeout(10)
b.settimeout(10)
r, w = os.pipe()
import threading
got = []
t = threading.Thread(target=lambda: got.append(reduction.recvfds(b, 2)))
t.start()
reduction.sendfds(a, [r, w])
t.join(10)
r2, w2 = got[0]
os.write(w2, b"pipe via recvfds")
print(len(got[0]), r2 not in (r, w), os.read(r, 100))
for fd in (r2, w2):
    os.close(fd)

# Errors: no descriptors in the message, EOF.
a.sendall(b"x")
try:
    reduction.recvfds(b, 1)
except RuntimeError as e:
    print("RuntimeError", e)
a.close()
try:
    reduction.recvfds(b, 1)
except EOFError as e:
    print("EOFError", repr(e))
b.close()

# send_handle / recv_handle over a duplex Connection.
c1, c2 = mp.Pipe()
t = threading.Thread(target=lambda: got.append(reduction.recv_handle(c2)))
t.start()
reduction.send_handle(c1, w, os.getpid())
t.join(10)
os.write(got[-1], b"handle")
os.close(got[-1])
print(os.read(r, 100))
c1.close()
c2.close()

# DupFd outside process start-up goes through the resource sharer.
df = reduction.DupFd(w)
print(type(df).__module__, type(df).__name__)
copy = pickle.loads(reduction.ForkingPickler.dumps(df)).detach()
os.write(copy, b"dupfd")
os.close(copy)
print(os.read(r, 100))
try:
    reduction.DupFd(-1)
except OSError as e:
    print("OSError", e.errno)


def child(df, conn):
    fd = df.detach()
    os.write(fd, b"from child")
    os.close(fd)
    conn.send("ok")


p_r, p_w = mp.Pipe(duplex=False)
p = mp.get_context("fork").Process(target=child, args=(reduction.DupFd(w), p_w))
p.start()
print(p_r.recv() if p_r.poll(10) else "timeout", os.read(r, 100))
p.join(10)
print("exitcode", p.exitcode)
resource_sharer.stop(timeout=10)
resource_sharer.stop()
print("stopped", resource_sharer._resource_sharer._address)
os.close(r)
os.close(w)

# ForkingPickler: built-ins travel by their own __reduce__ (a name, or getattr(owner, name)).
objs = [abs, os.getpid, pow, [1, 2].append, (5).__add__, int.__add__, list.append,
        operator.add, {}.get, dict.fromkeys, "-".join, array.array]
for o in objs:
    back = pickle.loads(reduction.ForkingPickler.dumps(o))
    print(getattr(o, "__qualname__", o.__name__), back == o or back.__self__ == o.__self__)
print(pickle.loads(reduction.ForkingPickler.dumps("-".join))(["a", "b"]))
