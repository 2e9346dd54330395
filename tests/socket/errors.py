# Argument errors and their messages; OSError subclasses chosen from errno.
import socket

s = socket.socket()
cases = [
    lambda: s.bind("x"),
    lambda: s.bind(("127.0.0.1",)),
    lambda: s.bind(("127.0.0.1", "80")),
    lambda: s.bind((1, 80)),
    lambda: s.bind(("127.0.0.1", 70000)),
    lambda: s.bind(("127.0.0.1", -1)),
    lambda: s.recv(-1),
    lambda: s.recv("x"),
    lambda: s.recv_into(bytearray(2), 5),
    lambda: s.recv_into(bytearray(2), -1),
    lambda: s.recv_into(b"ab"),
    lambda: s.recvfrom(-1),
    lambda: s.send("text"),
    lambda: s.sendall(123),
    lambda: s.sendto(b"x"),
    lambda: s.shutdown(socket.SHUT_RDWR),
    lambda: s.getpeername(),
    lambda: s.recv(1),
    lambda: s.listen("x"),
    lambda: socket.socket(99),
    lambda: s.setsockopt(socket.SOL_SOCKET, 9999, 1),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s.close()

print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError), socket.error is OSError)
print(socket.gaierror.__module__, socket.gaierror.__name__)
try:
    socket.getaddrinfo("host.invalid", 80)
except socket.gaierror as e:
    print(type(e).__name__, e.errno == socket.EAI_NONAME, e.args)
try:
    socket.socket().connect(("host.invalid", 80))
except socket.gaierror as e:
    print(type(e).__name__, e)
