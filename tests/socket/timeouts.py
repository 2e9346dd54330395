# settimeout/gettimeout/setblocking: TimeoutError("timed out"), BlockingIOError, default timeout.
import socket

a, b = socket.socketpair()
print(a.gettimeout(), a.timeout, a.getblocking())
a.settimeout(0.05)
print(a.gettimeout(), a.timeout, a.getblocking())
try:
    a.recv(10)
except TimeoutError as e:
    print(type(e).__name__, e, e.errno, socket.timeout is TimeoutError)
b.send(b"data")
print(a.recv(10))  # data available: no timeout
a.settimeout(0)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e)
a.setblocking(True)
print(a.gettimeout(), a.getblocking())
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
a.settimeout(None)
print(a.gettimeout(), a.getblocking())
a.settimeout(2)
print(a.gettimeout())
for bad in (-1, -0.5, "x", float("nan")):
    try:
        a.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# sendall on a full buffer times out too.
b.settimeout(0.05)
try:
    while True:
        b.sendall(b"z" * 65536)
except TimeoutError as e:
    print("sendall", e)
a.close()
b.close()

# accept() with a timeout
srv = socket.create_server(("127.0.0.1", 0))
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print("accept", e)
srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError as e:
    print("accept", type(e).__name__, e.errno)
srv.close()

# the module default applies to new sockets
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(1.5)
s = socket.socket()
print(s.gettimeout(), socket.getdefaulttimeout())
s.close()
socket.setdefaulttimeout(None)
s = socket.socket()
print(s.gettimeout())
s.close()
try:
    socket.setdefaulttimeout(-2)
except ValueError as e:
    print(e)
