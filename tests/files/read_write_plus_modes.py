# r+ keeps content and writes at the position; w+ truncates first; truncate() shortens.
import os
name = "read_write_plus_modes.tmp"
try:
    with open(name, "w") as f:
        f.write("0123456789")
    with open(name, "r+") as f:
        print(f.read(3))
        f.seek(3)
        f.write("abc")
        f.seek(0)
        print(f.read())
        f.seek(0)
        print(f.truncate(5), f.tell())
        print(repr(f.read()))
    with open(name) as f:
        print(f.read())
    with open(name, "w+") as f:
        print(repr(f.read()))
        f.write("new")
        f.seek(0)
        print(f.read(), f.mode)
    with open(name, "r+b") as f:
        f.seek(0, 2)
        f.write(b"++")
        print(f.truncate(), f.tell())
    with open(name, "rb") as f:
        print(f.read(), f.mode)
finally:
    os.remove(name)
