# sendmsg/recvmsg/recvmsg_into/CMSG_LEN/CMSG_SPACE argument errors: CPython's exception types
# and messages (PyArg_ParseTuple formats, the ancillary data item checks, buffer checks), and
# the errors of a closed socket and of a non-blocking or timed-out one.
import signal
import socket

signal.alarm(10)
a, b = socket.socketpair()


def t(label, f, *args, **kw):
    try:
        print(label, "ok", f(*args, **kw))
    except Exception as e:
        print(label, type(e).__name__, e)


print("sendmsg")
t(1, a.sendmsg, 5)
t(2, a.sendmsg, [5])
t(3, a.sendmsg, "abc")
t(4, a.sendmsg, [memoryview(b"abcdef")[::2]])
t(5, a.sendmsg, [b"x"], 5)
t(6, a.sendmsg, [b"x"], None)
t(7, a.sendmsg, [b"x"], [5])
t(8, a.sendmsg, [b"x"], [b"abc"])
t(9, a.sendmsg, [b"x"], ["abc"])
t(10, a.sendmsg, [b"x"], [(1, 2)])
t(11, a.sendmsg, [b"x"], [(1, 2, b"", 4)])
t(12, a.sendmsg, [b"x"], [(1, 2, 3)])
t(13, a.sendmsg, [b"x"], [(1, 2, "s")])
t(14, a.sendmsg, [b"x"], [(1, 2, [1])])
t(15, a.sendmsg, [b"x"], [("a", 2, b"")])
t(16, a.sendmsg, [b"x"], [(1.5, 2, b"")])
t(17, a.sendmsg, [b"x"], [(1 << 40, 2, b"")])
t(18, a.sendmsg, [b"x"], [(-(1 << 40), 2, b"")])
t(19, a.sendmsg, [b"x"], [(1 << 70, 2, b"")])
t(20, a.sendmsg, [b"x"], [], "x")
t(21, a.sendmsg, [b"x"], [], 1 << 40)
t(22, a.sendmsg, [b"x"], [], 0, ("a", 1))
t(23, a.sendmsg, [b"x"], flags=0)
t(24, a.sendmsg)
t(25, a.sendmsg, [b"x"], [], 0, None, 5)
t(26, a.sendmsg, [b"x"], [[1, 2, b""]])   # a list item is a sequence too: the kernel says EINVAL
t(27, a.sendmsg, [b"x"], [], 0, None)
print(b.recv(10))

print("recvmsg")
t(1, b.recvmsg, -1)
t(2, b.recvmsg, 10, -1)
t(3, b.recvmsg, -1, -1)
t(4, b.recvmsg, "a")
t(5, b.recvmsg, 10, "a")
t(6, b.recvmsg, 10, 0, "a")
t(7, b.recvmsg, 1 << 70)
t(8, b.recvmsg, 10, 1 << 40)
t(9, b.recvmsg, 10, 2 ** 31)
t(10, b.recvmsg, 10, 0, 1 << 40)
t(11, b.recvmsg, 10, 0, 0, 1)
t(12, b.recvmsg, bufsize=1)
t(13, b.recvmsg)
t(14, b.recvmsg, 10, 0, socket.MSG_DONTWAIT)

print("recvmsg_into")
t(1, b.recvmsg_into, 5)
t(2, b.recvmsg_into, [5])
t(3, b.recvmsg_into, [b"abc"])
t(4, b.recvmsg_into, [memoryview(bytearray(6))[::2]])
t(5, b.recvmsg_into, [bytearray(3)], -1)
t(6, b.recvmsg_into, [bytearray(3)], 0, "a")
t(7, b.recvmsg_into)
t(8, b.recvmsg_into, iter([bytearray(3)]), 0, socket.MSG_DONTWAIT)

print("CMSG")
M = 2 ** 31 - 1
for f in (socket.CMSG_LEN, socket.CMSG_SPACE):
    for n in (0, 1, 4, 8, 9, M - 24, M - 23, M - 16, M - 15, M):
        t(f.__name__ + str(n - M if n > 100 else n), f, n)
    t(f.__name__, f, -1)
    t(f.__name__, f, 1 << 70)
    t(f.__name__, f, "a")
    t(f.__name__, f, 1.0)
    t(f.__name__, f)
    t(f.__name__, f, 1, 2)
    t(f.__name__, f, length=1)

print("timeouts")
a.settimeout(0.05)
b.settimeout(0.05)
t(1, b.recvmsg, 10)
t(2, b.recvmsg_into, [bytearray(3)])
b.setblocking(False)
t(3, b.recvmsg, 10)
a.setblocking(False)
n = 0
try:
    while True:
        n += a.sendmsg([b"x" * 4096])
except BlockingIOError as e:
    print("sendmsg full", type(e).__name__, e.errno, n > 0)
a.settimeout(0.05)
t(4, a.sendmsg, [b"y" * 4096])

print("closed")
a.close()
t(1, a.sendmsg, [b"x"])
t(2, a.recvmsg, 1)
t(3, a.recvmsg_into, [bytearray(1)])
b.close()
