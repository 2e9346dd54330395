# Binary mode: bytes in, bytes out, no newline translation; str is rejected.
import os
name = "binary_write_read.tmp"
try:
    with open(name, "wb") as f:
        print(f.write(b"\x00\x01\xff"), f.write(bytes(range(65, 70))), f.write(bytearray(b"\r\n")))
        try:
            f.write("text")
        except TypeError as e:
            print(type(e).__name__, e)
    with open(name, "rb") as f:
        data = f.read()
    print(data, type(data).__name__, len(data), list(data[:3]))
    with open(name, "rb") as f:
        print(f.read(2), f.read(0), f.read1(3) if hasattr(f, "read1") else None, f.read())
    with open(name, "w") as f:
        try:
            f.write(b"bytes")
        except TypeError as e:
            print(type(e).__name__, e)
    with open(name, "ab") as f:
        f.write(b"tail")
    with open(name, "rb") as f:
        print(f.read())
    buf = bytearray(4)
    with open(name, "rb") as f:
        print(f.readinto(buf), buf)
finally:
    os.remove(name)
