# read(n) with various sizes, including -1/None, and repeated reads at EOF.
import os
name = "read_sizes_and_eof.tmp"
try:
    with open(name, "w") as f:
        f.write("abcdefghij")
    with open(name) as f:
        print(repr(f.read(0)), repr(f.read(4)), repr(f.read(-1)), repr(f.read(4)), repr(f.read()))
    with open(name) as f:
        print(repr(f.read(None)))
    with open(name, "rb") as f:
        print(f.read(100), f.read(1), f.read())
    with open(name) as f:
        chunks = []
        while chunk := f.read(3):
            chunks.append(chunk)
        print(chunks)
    with open(name) as f:
        try:
            f.read("3")
        except TypeError as e:
            print(type(e).__name__, e)
finally:
    os.remove(name)
