# seek/tell in text mode: tell() gives opaque cookies usable with seek(); whence 1/2 only with 0.
import os, io
name = "seek_tell_text.tmp"
try:
    with open(name, "w") as f:
        print(f.tell())
        f.write("hello\nworld\n")
        print(f.tell())
    with open(name) as f:
        f.readline()
        pos = f.tell()
        print(pos, repr(f.readline()))
        f.seek(pos)
        print(repr(f.read()))
        print(f.seek(0), repr(f.read(3)), f.seek(0, io.SEEK_END), f.tell(), repr(f.read()))
        f.seek(0, 0)
        print(repr(f.read(2)))
        for args in ((3, 1), (-1, 2), (-1,)):
            try:
                f.seek(*args)
            except (io.UnsupportedOperation, ValueError, OSError) as e:
                print(args, type(e).__name__, e)
        print(f.seekable(), f.readable(), f.writable())
finally:
    os.remove(name)
