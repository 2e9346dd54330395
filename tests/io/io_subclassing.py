# Python classes derived from the io types: StringIO with its own __init__, a RawIOBase with
# readinto (read, readall, readline and iteration come from the bases), buffered over it, and a
# TextIOBase with read/readline.
import io

class Upper(io.StringIO):
    def __init__(self, a, b):
        super().__init__(a + b)
        self.extra = "kept"
    def write(self, s):
        return super().write(s.upper())

u = Upper("one\n", "two\n")
print(u.getvalue(), u.extra, isinstance(u, io.TextIOBase))
u.seek(0, 2)
u.write("three\n")
print(list(io.StringIO(u.getvalue())), u.tell())
print(u.readlines(), u.closed)
with u:
    pass
print(u.closed)

class Chunks(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.calls = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        n = min(len(b), 3, len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n

r = Chunks(b"alpha\nbeta\ngamma")
print(r.read(2), r.readline(), r.read(), r.read(), r.calls)
print(list(Chunks(b"x\ny\nz")), Chunks(b"abcdefgh").readall())
br = io.BufferedReader(Chunks(b"first line\nsecond line\nthird"), buffer_size=4)
print(br.readline(), br.peek(1)[:1], br.read(3), br.read1(100), br.read())
print(br.raw.calls > 3, br.closed, br.raw.closed)
br.close()
print(br.closed, br.raw.closed)
try:
    io.BufferedWriter(Chunks(b""))
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)

class Lines(io.TextIOBase):
    def __init__(self, lines):
        self.lines = list(lines)
    def readable(self):
        return True
    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ""

print(list(Lines(["a\n", "b\n"])), Lines(["x\n", "y\n", "z\n"]).readlines(2))
t = io.TextIOWrapper(io.BytesIO(b"caf\xc3\xa9\r\nbar"), encoding="utf-8")
print(t.read(4), repr(t.readline()), t.read(), t.newlines, t.encoding)
w = io.BytesIO()
t = io.TextIOWrapper(w, encoding="utf-8", newline="\r\n")
t.write("a\nb\n")
t.flush()
print(w.getvalue(), t.detach() is w)
