# sendmsg/recvmsg carry data in several parts and SCM_RIGHTS ancillary data: descriptors sent
# over a socketpair arrive as new descriptors for the same open files, in this process and in
# a forked child; socket.send_fds/recv_fds wrap them; recvmsg_into scatters into buffers.
import array
import os
import signal
import socket

signal.alarm(10)
a, b = socket.socketpair()

# Several parts, gathered; no ancillary data: an empty list, and no address (None).
print(a.sendmsg([b"ab", bytearray(b"cd"), memoryview(b"ef"), array.array("b", [0x67])]))
print(b.recvmsg(100))
print(a.sendmsg(iter([b"it", b"er"]), ()))
print(b.recvmsg(3, 0, socket.MSG_PEEK), b.recvmsg(100, 64))
print(a.sendmsg([]))   # nothing to send: 0 bytes, nothing arrives

# Descriptors of a pipe: the receiver reads what is written to the sender's copy.
r, w = os.pipe()
print(a.sendmsg([b"F"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [r, w]))]))
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(2 * 4))
print(msg, len(anc), flags, addr)
level, kind, data = anc[0]
print(level == socket.SOL_SOCKET, kind == socket.SCM_RIGHTS, len(data))
r2, w2 = array.array("i", data)
print(r2 not in (r, w), w2 not in (r, w), os.get_inheritable(r2))
os.write(w, b"through the copy")
print(os.read(r2, 100))
os.write(w2, b"and back")
print(os.read(r, 100))
for fd in (r, w, r2, w2):
    os.close(fd)

# Too small an ancillary buffer: the kernel truncates (MSG_CTRUNC) and keeps what fits.
fds = [os.open(os.devnull, os.O_RDONLY) for _ in range(3)]
a.sendmsg([b"T"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_LEN(4))
print(msg, len(anc), bool(flags & socket.MSG_CTRUNC), [len(d) for _, _, d in anc])
for _, _, d in anc:
    for fd in array.array("i", d):
        os.close(fd)
# No room at all: the descriptors are dropped, MSG_CTRUNC says so.
a.sendmsg([b"U"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
msg, anc, flags, addr = b.recvmsg(10)
print(msg, anc, bool(flags & socket.MSG_CTRUNC))
# MSG_CMSG_CLOEXEC marks the received descriptors close-on-exec.
a.sendmsg([b"C"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds[:1]))])
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(4), socket.MSG_CMSG_CLOEXEC)
fd = array.array("i", anc[0][2])[0]
print(msg, os.get_inheritable(fd))
os.close(fd)

# send_fds / recv_fds
print(socket.send_fds(a, [b"hello"], fds))
msg, got, flags, addr = socket.recv_fds(b, 100, 3)
print(msg, len(got), flags, addr, sorted(os.fstat(f).st_ino == os.fstat(fds[0]).st_ino for f in got))
for fd in got + fds:
    os.close(fd)
print(socket.send_fds(a, [b"none"], []))
print(socket.recv_fds(b, 100, 1))

# recvmsg_into: scatter into several writable buffers.
a.sendmsg([b"0123456789"])
b1, b2 = bytearray(4), memoryview(bytearray(10))
n, anc, flags, addr = b.recvmsg_into([b1, b2[2:]])
print(n, anc, flags, addr, b1, bytes(b2))
r, w = os.pipe()
a.sendmsg([b"xy"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [w]))])
buf = bytearray(1)
n, anc, flags, addr = b.recvmsg_into([buf], socket.CMSG_SPACE(4))
print(n, buf, len(anc), bool(flags & socket.MSG_TRUNC))
w2 = array.array("i", anc[0][2])[0]
os.close(w)
os.write(w2, b"!")
os.close(w2)
print(os.read(r, 10), os.read(r, 10))
os.close(r)
print(b.recv(10))   # the rest of the stream message

# A descriptor sent to a forked child: it writes through it, the parent reads the pipe.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    try:
        a.close()
        msg, got, flags, addr = socket.recv_fds(b, 10, 1)
        os.write(got[0], b"child wrote via " + msg)
        code = 0
    except BaseException:
        code = 3
    os._exit(code)
b.close()
socket.send_fds(a, [b"fd"], [w])
os.close(w)
print(os.read(r, 100))
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status), os.read(r, 100))
os.close(r)
a.close()
