# NamedTemporaryFile: a wrapper forwarding to the file; deleted on close unless delete=False.
import os
import tempfile

with tempfile.NamedTemporaryFile() as f:
    print(type(f).__name__, os.path.isabs(f.name), os.path.exists(f.name))
    print(f.write(b"bytes data\nline 2\n"), f.tell())
    f.flush()
    print(os.path.getsize(f.name), f.seek(0), f.read(5), f.readline(), list(f))
    print(f.mode, f.closed, f.file.name == f.name)
    name = f.name
print(os.path.exists(name), f.closed)

f = tempfile.NamedTemporaryFile("w+", suffix=".txt", prefix="ntf_")
base = os.path.basename(f.name)
print(base.startswith("ntf_"), base.endswith(".txt"), f.write("text ü"), f.seek(0), f.read())
f.close()
print(os.path.exists(f.name), f.closed)

f = tempfile.NamedTemporaryFile(mode="w", delete=False)
f.write("kept")
f.close()
print(os.path.exists(f.name), open(f.name).read())
os.remove(f.name)

with tempfile.NamedTemporaryFile(delete_on_close=False) as f:
    f.write(b"abc")
    f.close()
    print(os.path.exists(f.name), open(f.name, "rb").read())
print(os.path.exists(f.name))

top = tempfile.mkdtemp()
with tempfile.NamedTemporaryFile(dir=top) as f:
    print(os.listdir(top) == [os.path.basename(f.name)])
print(os.listdir(top))
os.rmdir(top)
try:
    with tempfile.NamedTemporaryFile() as f:
        name = f.name
        raise KeyError("inside")
except KeyError as e:
    print("KeyError", e, os.path.exists(name))
