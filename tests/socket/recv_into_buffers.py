# recv_into / recvfrom_into write into any writable C-contiguous buffer (bytearray, memoryview
# slices and casts); nbytes limits the read; CPython's errors for read-only and non-buffer
# arguments, a negative nbytes and an nbytes larger than the buffer.
import socket

a, b = socket.socketpair()


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


b.sendall(b"abcdefghij")
target = bytearray(b"..........")
print("recv_into slice:", a.recv_into(memoryview(target)[2:6]), target)
print("recv_into nbytes:", a.recv_into(memoryview(target), 3), target)
words = memoryview(bytearray(4)).cast("H")
print("recv_into cast:", a.recv_into(words), bytes(words.cast("B")))

b.sendall(b"xyz")
out = bytearray(8)
n, addr = a.recvfrom_into(memoryview(out)[1:], 2)
print("recvfrom_into:", n, out, type(addr).__name__)
n, addr = a.recvfrom_into(out, flags=0)
print("recvfrom_into keywords:", n, out)

for name in ("recv_into", "recvfrom_into"):
    meth = getattr(a, name)
    attempt(name + " bytes:", lambda: meth(b"abc"))
    attempt(name + " read-only view:", lambda: meth(memoryview(b"abc")))
    attempt(name + " strided:", lambda: meth(memoryview(bytearray(6))[::2]))
    attempt(name + " int:", lambda: meth(3))
    attempt(name + " negative:", lambda: meth(bytearray(2), -1))
    attempt(name + " too large:", lambda: meth(bytearray(2), 5))
    attempt(name + " view too large:", lambda: meth(memoryview(bytearray(4))[:2], 3))
a.close()
b.close()
