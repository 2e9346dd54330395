# TemporaryFile: an anonymous (already unlinked) file object.
import os
import tempfile

with tempfile.TemporaryFile() as f:
    print(type(f.name).__name__, f.name == f.fileno(), f.mode)
    print(f.write(b"abc\ndef\n"), f.seek(0), f.read(), f.seek(0), f.readlines())
print(f.closed)
with tempfile.TemporaryFile("w+") as f:
    f.write("text\nmore\n")
    f.seek(0)
    print(list(f), f.mode)
top = tempfile.mkdtemp()
with tempfile.TemporaryFile(dir=top) as f:
    f.write(b"x")
    print(os.listdir(top))
os.rmdir(top)
