# TextIOWrapper.newlines records the kinds of line endings read in the universal modes; the
# newline argument decides where lines end and how "\n" is written.
import io, os
name = "io_newlines_attribute.tmp"
samples = [b"a\nb\n", b"a\r\nb\r\n", b"a\rb\r", b"a\r\nb\nc\r", b"a\rb\nc", b"no newline"]
for data in samples:
    with open(name, "wb") as f:
        f.write(data)
    for nl in (None, "", "\n", "\r", "\r\n"):
        with open(name, newline=nl) as f:
            before = f.newlines
            lines = f.readlines()
            print(repr(nl), lines, before, f.newlines)
with open(name, "wb") as f:
    f.write(b"x\r\ny\rz\n")
with open(name) as f:
    print(f.read(1), f.newlines)
    f.seek(0)
    print(f.newlines, f.read(), f.newlines)
with open(name, "r+") as f:
    f.read()
    f.write("w\n")
    print(f.newlines)
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(name, "w", newline=nl) as f:
        f.write("1\n2\r\n3\r")
        print(repr(nl), f.newlines, f.tell())
    with open(name, "rb") as f:
        print(f.read())
t = io.TextIOWrapper(io.BytesIO(b"p\rq\r\nr"), encoding="ascii")
print(list(t), t.newlines)
os.remove(name)
