# Text files larger than the 8 KiB read chunk: lines, "\r\n" pairs and multi-byte UTF-8 characters
# that straddle chunk boundaries; read(n), readline(limit), tell() and seek() across them. (The
# tell() values are not printed: after a line ending in a lone "\r" CPython encodes decoder state
# in the cookie.)
import os
name = "io_text_chunk_boundaries.tmp"
parts = []
for i in range(3000):
    parts.append("line %d %s" % (i, "é€" * (i % 7)) + ("\r\n" if i % 3 == 0 else "\r" if i % 3 == 1 else "\n"))
text = "".join(parts)
with open(name, "w", newline="") as f:
    f.write(text)
with open(name, "rb") as f:
    raw = f.read()
print(len(text), len(raw))
with open(name, encoding="utf-8") as f:
    lines = f.readlines()
    print(len(lines), lines[0], lines[-1], f.newlines)
    print(all(l.endswith("\n") and "\r" not in l for l in lines))
with open(name, encoding="utf-8", newline="") as f:
    print("".join(f) == text)
with open(name, encoding="utf-8", newline="\r\n") as f:
    print(sum(1 for _ in f))
with open(name, encoding="utf-8", newline="\r") as f:
    print(sum(1 for _ in f))
with open(name, encoding="utf-8", newline="") as f:
    got = []
    while True:
        s = f.read(997)
        if not s:
            break
        got.append(s)
    print(len(got), "".join(got) == text)
with open(name, encoding="utf-8", newline="") as f:
    pieces = []
    while True:
        s = f.readline(13)
        if not s:
            break
        pieces.append(s)
    print(len(pieces), "".join(pieces) == text)
with open(name, encoding="utf-8") as f:
    positions = []
    for i in range(2500):
        line = f.readline()
        if i % 500 == 0:
            positions.append((f.tell(), line))
    for pos, line in positions:
        f.seek(pos)
        print(repr(f.readline()), repr(line))
os.remove(name)
