# A thread blocked in recvmsg/recvmsg_into/sendmsg releases the GIL: the main thread keeps
# running and then unblocks it. A signal handler's exception interrupts a blocked recvmsg.
import array
import os
import signal
import socket
import threading

signal.alarm(10)
a, b = socket.socketpair()
results = []

t = threading.Thread(target=lambda: results.append(b.recvmsg(100, socket.CMSG_SPACE(4))))
t.start()
total = sum(i * i for i in range(20000))
r, w = os.pipe()
a.sendmsg([b"wake", b" up"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [w]))])
t.join(5)
msg, anc, flags, addr = results[-1]
print(t.is_alive(), msg, len(anc), flags, addr, total)
os.close(array.array("i", anc[0][2])[0])
os.close(r)
os.close(w)

buf = bytearray(5)
t = threading.Thread(target=lambda: results.append(b.recvmsg_into([buf])))
t.start()
total = sum(i for i in range(20000))
a.sendmsg([b"into!"])
t.join(5)
print(t.is_alive(), results[-1], buf, total)

# Fill the socket buffer, then a thread blocks in sendmsg until the main thread drains it.
a.setblocking(False)
sent = 0
try:
    while True:
        sent += a.sendmsg([b"z" * 4096])
except BlockingIOError:
    pass
a.setblocking(True)
t = threading.Thread(target=lambda: results.append(a.sendmsg([b"last"])))
t.start()
got = 0
b.settimeout(5)
while got < sent + 4:
    got += len(b.recv(65536))
t.join(5)
print(t.is_alive(), results[-1], got == sent + 4)


def handler(signum, frame):
    raise InterruptedError("handler ran")


signal.signal(signal.SIGALRM, handler)
b.settimeout(None)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    b.recvmsg(10)
except InterruptedError as e:
    print("interrupted:", e)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
signal.alarm(10)
a.close()
print(b.recvmsg(10))   # EOF: empty data
b.close()
