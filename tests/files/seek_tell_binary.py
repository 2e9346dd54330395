# seek/tell in binary mode: absolute, relative and from-end positioning; seeking past the end.
import os
name = "seek_tell_binary.tmp"
try:
    with open(name, "wb") as f:
        f.write(b"0123456789")
    with open(name, "rb") as f:
        print(f.tell(), f.read(3), f.tell())
        print(f.seek(2, 1), f.read(2))
        print(f.seek(-3, 2), f.read())
        print(f.seek(0), f.read(1), f.seek(100), f.read(), f.tell())
        try:
            f.seek(-1)
        except (ValueError, OSError) as e:
            print(type(e).__name__, e)
        try:
            f.seek(0, 3)
        except ValueError as e:
            print(type(e).__name__, e)
    with open(name, "r+b") as f:
        f.seek(4)
        f.write(b"AB")
        f.seek(12)
        f.write(b"!")
    with open(name, "rb") as f:
        print(f.read())
    print(os.path.getsize(name))
finally:
    os.remove(name)
