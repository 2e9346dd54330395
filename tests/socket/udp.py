# SOCK_DGRAM on 127.0.0.1: sendto/recvfrom/recvfrom_into, connect on UDP.
import socket

r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
r.bind(("127.0.0.1", 0))
addr = r.getsockname()
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(s.type, repr(s.type))
print(s.sendto(b"first", addr))
print(s.sendto(b"second", 0, addr))
data, frm = r.recvfrom(100)
print(data, frm == s.getsockname(), frm[0])
buf = bytearray(10)
n, frm = r.recvfrom_into(buf)
print(n, buf[:n], frm == s.getsockname())
s.connect(addr)
s.send(b"connected")
print(r.recv(100))
r.sendto(b"back", s.getsockname())
print(s.recv(100))
s.sendto(b"truncated message", addr)
print(r.recv(5))
try:
    s.sendto(b"x")
except TypeError as e:
    print(e)
try:
    s.sendto("str", addr)
except TypeError as e:
    print(e)
r.settimeout(0.02)
try:
    r.recvfrom(10)
except TimeoutError as e:
    print(e)
r.close()
s.close()
