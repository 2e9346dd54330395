# The raw FileIO under buffered files; readinto / readinto1 / read1 / peek / readall; closing
# propagates down the layers.
import io, os
name = "io_raw_and_readinto.tmp"
with open(name, "wb") as f:
    f.write(b"0123456789abcdef")
f = open(name, "rb")
raw = f.raw
print(type(raw).__name__, raw.mode, raw.name, raw.closefd, raw.readable(), raw.writable())
print(repr(raw).replace(name, "N"), repr(f).replace(name, "N"))
buf = bytearray(4)
print(f.readinto(buf), buf, f.peek(2)[:2], f.read1(3), f.tell())
print(f.readinto1(buf), buf, f.read1(), f.readinto(buf), f.read1(), f.peek())
f.close()
print(f.closed, raw.closed, repr(raw))
for op in (f.read, f.readline, f.peek, f.read1, lambda: f.readinto(buf), lambda: f.seek(0),
           f.tell, f.fileno, f.truncate, f.flush, raw.read, raw.readall, raw.tell):
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
with open(name, "rb", buffering=0) as r:
    print(type(r).__name__, r.read(3), r.readinto(buf), buf, r.readall(), r.read(), r.tell())
    try:
        r.readinto(b"immutable")
    except TypeError as e:
        print("TypeError", e)
with open(name, "r+b") as f:
    print(type(f).__name__, f.raw.mode, f.read(2), f.write(b"XY"), f.tell(), f.seek(0), f.read())
    try:
        f.seek(0, 3)
    except OSError as e:
        print(type(e).__name__, e)
with open(name, "w", encoding="utf-8") as t:
    print(t.buffer.raw.name == name, t.buffer.raw.mode, type(t.buffer).__name__)
    t.buffer.raw.close()
    print(t.closed, t.buffer.closed)
fd = os.open(name, os.O_RDONLY)
with open(fd, "rb", closefd=False) as f:
    print(f.raw.closefd, f.name == fd, f.read(3))
print(os.read(fd, 3))
os.close(fd)
g = open(name, "ab")
print(g.raw.mode, g.mode, g.tell())
g.close()
os.remove(name)
