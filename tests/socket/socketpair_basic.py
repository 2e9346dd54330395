# socketpair: send/recv/sendall/recv_into, shutdown, close, `with`, enums, closed-socket errors.
import socket

a, b = socket.socketpair()
print(a.family, repr(a.family), a.type, repr(a.type), a.proto)
print(isinstance(a, socket.socket), isinstance(a, socket.SocketType))
print(a.getsockname(), b.getpeername())
print(a.send(b"hello"), b.recv(100))
a.sendall(b"x" * 5000)
got = b""
while len(got) < 5000:
    got += b.recv(4096)
print(len(got), got == b"x" * 5000)
buf = bytearray(8)
a.send(b"abc")
print(b.recv_into(buf), buf)
a.send(b"0123456789")
print(b.recv_into(buf, 4), buf)
print(b.recv(100))
print(a.recv(0))
a.shutdown(socket.SHUT_WR)
print(b.recv(10))
b.send(b"still open")
print(a.recv(100))
print(a.gettimeout(), a.getblocking())
with a, b:
    print(a.fileno() >= 0, b.fileno() >= 0)
print(a.fileno(), b.fileno())
print(repr(a))
print(a._closed)
for f in (lambda: a.recv(1), lambda: a.send(b"x"), lambda: a.getsockname(),
          lambda: a.settimeout(1.0), lambda: a.shutdown(socket.SHUT_RDWR)):
    try:
        print(f())
    except OSError as e:
        print(type(e).__name__, e.errno, e)
a.close()  # closing twice is fine
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)

# A datagram pair keeps message boundaries.
c, d = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
c.send(b"one")
c.send(b"two")
print(d.recv(100), d.recv(100), d.type)
c.close()
d.close()
