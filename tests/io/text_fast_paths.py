# TextIOWrapper's fast paths (UTF-8/ASCII/Latin-1 over BufferedReader/Writer over FileIO):
# read() of everything after partial reads, the newline record, decoding errors, direct writes.
import io
import os
import tempfile

d = tempfile.mkdtemp()
P = os.path.join(d, "f.txt")


def put(data):
    with open(P, "wb") as f:
        f.write(data)


# read() everything, after nothing / a readline / a read(n) that ends on a '\r'
for newline in (None, "", "\n", "\r", "\r\n"):
    for data in (b"", b"abc", b"a\nb\n", b"a\r\nb\rc\n", b"x\r", b"\r\n" * 3, b"a\rb"):
        put(data)
        with open(P, newline=newline) as f:
            whole = f.read()
            print(repr(newline), data, repr(whole), f.newlines, repr(f.read()))
        with open(P, newline=newline) as f:
            first = f.readline()
            rest = f.read()
            print("  after readline", repr(first), repr(rest), f.newlines)
        with open(P, newline=newline) as f:
            first = f.read(1)
            rest = f.read()
            print("  after read(1)", repr(first), repr(rest), f.newlines)

# a '\r' consumed by read(n) with newline='' is classified by the next chunk's first byte
put(b"ab\r\ncd\n")
with open(P, newline="") as f:
    f._CHUNK_SIZE = 3
    print(repr(f.read(3)), repr(f.read()), f.newlines)

# large files, read whole and line by line
big = "".join("line %d é\n" % i for i in range(20000))
with open(P, "w", encoding="utf-8") as f:
    for line in big.splitlines(True):
        f.write(line)
with open(P, encoding="utf-8") as f:
    s = f.read()
    print(len(s), s == big, f.tell() == os.path.getsize(P))
with open(P, encoding="utf-8") as f:
    lines = list(f)
    print(len(lines), "".join(lines) == big, lines[-1])
with open(P, encoding="latin-1") as f:
    print(len(f.read()))

# decoding errors from read() of everything, with the position of the bad byte
for enc, data in (("utf-8", b"abc\xffdef"), ("ascii", b"ok\n\x80"), ("utf-8", b"a\nb\xc3")):
    put(data)
    with open(P, encoding=enc) as f:
        try:
            f.read()
        except UnicodeDecodeError as e:
            print(type(e).__name__, e)
    with open(P, encoding=enc) as f:
        try:
            print(repr(f.readline()), repr(f.read()))
        except UnicodeDecodeError as e:
            print(type(e).__name__, e)
    with open(P, encoding=enc, errors="replace") as f:
        print(repr(f.read()))

# writing: translation, line buffering, BufferedRandom, closed buffer, a buffer subclass
with open(P, "w", newline="\r\n") as f:
    print(f.write("a\nb\n"), f.write(""), f.write("c"))
with open(P, "rb") as f:
    print(f.read())
with open(P, "w+") as f:
    f.write("hello\nworld\n")
    f.seek(0)
    print(repr(f.readline()))
    f.write("again\n")
    f.seek(0)
    print(repr(f.read()))
with open(P, "w", buffering=1) as f:
    f.write("no newline")
    print(os.path.getsize(P))
    f.write("done\n")
    print(os.path.getsize(P))
f = open(P, "w")
f.buffer.close()
try:
    f.write("x")
except ValueError as e:
    print(type(e).__name__, e)
with open(P, "w", encoding="ascii") as f:
    try:
        f.write("ok é")
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)


class Recorder(io.BufferedWriter):
    def write(self, b):
        print("write", type(b).__name__, bytes(b))
        return super().write(b)


with io.TextIOWrapper(Recorder(io.FileIO(P, "w")), encoding="ascii") as f:
    f.write("via subclass\n")
with open(P) as f:
    print(repr(f.read()))

os.remove(P)
os.rmdir(d)
