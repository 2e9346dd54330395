# io.BytesIO: the binary in-memory stream.
import io

b = io.BytesIO(b"first\nsecond\nthird")
print(b.read(3), b.tell(), b.readline(), b.readline(2), b.readline(), b.readline(), b.read())
print(b.seek(0), b.readlines(), b.seek(0), list(b), b.seek(-5, 2), b.read(), b.seek(-100, 1))
b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"def")), b.tell(), b.getvalue())
b.seek(1)
print(b.write(b"XY"), b.getvalue(), b.tell(), b.read())
b.seek(10)
b.write(b"!")
print(b.getvalue(), b.truncate(4), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
b.seek(0)
b.writelines([b"1", b"2", b"3"])
print(b.getvalue(), b.read1(2), b.readable(), b.writable(), b.seekable(), b.isatty())
with io.BytesIO(b"ctx") as c:
    print(c.read(), c.closed)
print(c.closed, io.BytesIO(bytearray(b"ba")).getvalue(), io.BytesIO(initial_bytes=b"kw").read())
print(type(b).__name__, repr(b).startswith("<_io.BytesIO object at 0x"), io.BytesIO().getvalue())
print(sorted(io.BytesIO(b"z\ny\nx")))
