# makefile(): buffered binary and text streams over a socket, reference counting of close().
import io
import socket

a, b = socket.socketpair()
w = a.makefile("wb")
r = b.makefile("rb")
print(type(r).__name__, type(w).__name__, r.mode if hasattr(r, "mode") else None)
w.write(b"alpha\nbeta\n")
w.write(b"gamma")
w.flush()
print(r.readline())
print(r.readline())
print(r.read(5))
tw = a.makefile("w", encoding="utf-8", newline="")
tr = b.makefile("r", encoding="utf-8", newline="")
print(type(tr).__name__, tr.mode, tw.mode)
tw.write("héllo\nwörld\n")
tw.flush()
print(repr(tr.readline()), repr(tr.readline()))
rw = a.makefile("rwb")
rw.write(b"from rw\n")
rw.flush()
print(r.readline())
b.sendall(b"to rw\n")
print(rw.readline())
raw = a.makefile("rb", buffering=0)
print(type(raw).__name__, raw.readable(), raw.writable())
b.send(b"raw")
print(raw.read(10))
# closing the socket while files are open keeps the descriptor until the files close
a.close()
print(a._closed, a.fileno() >= 0)
for f in (w, tw, rw, raw):
    f.close()
print(a.fileno() >= 0)
try:
    a.makefile("x")
except ValueError as e:
    print(e)
try:
    b.makefile("r", buffering=0)
except ValueError as e:
    print(e)
w2 = b.makefile("wb")
b.close()
w2.close()
print(b.fileno() >= 0)  # r and tr still hold it
r.close()
tr.close()
print(b.fileno())
