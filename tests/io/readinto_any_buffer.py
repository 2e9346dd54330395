# readinto / readinto1 accept any writable C-contiguous buffer (bytearray, memoryview slices and
# casts) through the buffer protocol, for FileIO, BufferedReader and BytesIO; read-only, non
# contiguous and non-buffer arguments raise CPython's TypeError.
import io
import os
import tempfile

fd, path = tempfile.mkstemp()
os.write(fd, b"0123456789abcdefghij")
os.close(fd)


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


with io.FileIO(path, "r") as f:
    ba = bytearray(4)
    print("FileIO bytearray:", f.readinto(ba), ba)
    mv_target = bytearray(b"........")
    mv = memoryview(mv_target)
    print("FileIO memoryview slice:", f.readinto(mv[2:5]), mv_target)
    words = memoryview(bytearray(8)).cast("I")
    print("FileIO cast view:", f.readinto(words), bytes(words.cast("B")))
    print("FileIO at EOF:", f.readinto(bytearray(3)), f.readinto(memoryview(bytearray(0))))
    attempt("FileIO bytes:", lambda: f.readinto(b"abc"))
    attempt("FileIO read-only view:", lambda: f.readinto(memoryview(b"abc")))
    attempt("FileIO strided view:", lambda: f.readinto(memoryview(bytearray(6))[::2]))
    attempt("FileIO int:", lambda: f.readinto(5))

with open(path, "rb") as b:
    target = bytearray(b"______")
    print("Buffered readinto view:", b.readinto(memoryview(target)[1:4]), target)
    print("Buffered readinto1 view:", b.readinto1(memoryview(target)), target)
    big = bytearray(100)
    print("Buffered readinto rest:", b.readinto(memoryview(big)[:50]), bytes(big[:14]))
    attempt("Buffered bytes:", lambda: b.readinto(b"xyz"))
    attempt("Buffered readinto1 read-only:", lambda: b.readinto1(memoryview(b"x")))
    attempt("Buffered strided:", lambda: b.readinto(memoryview(bytearray(4))[::2]))

# A view keeps a bytearray from being resized; after release it can change again.
buf = bytearray(5)
view = memoryview(buf)
with open(path, "rb", buffering=0) as raw:
    print("raw readinto:", raw.readinto(view), buf)
attempt("resize while exported:", lambda: buf.extend(b"!"))
view.release()
buf.extend(b"!")
print("after release:", buf)

bio = io.BytesIO(b"hello world")
t = bytearray(b"-----------")
print("BytesIO view:", bio.readinto(memoryview(t)[3:8]), t)
print("BytesIO cast:", bio.readinto(memoryview(bytearray(4)).cast("H")))
attempt("BytesIO bytes:", lambda: bio.readinto(b"ab"))
attempt("BytesIO strided:", lambda: bio.readinto(memoryview(bytearray(4))[::2]))
attempt("BytesIO None:", lambda: bio.readinto(None))
os.unlink(path)
