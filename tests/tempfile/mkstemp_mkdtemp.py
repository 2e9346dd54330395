# mkstemp / mkdtemp / gettempdir: names, types, permissions, and cleanup.
import os
import tempfile

d = tempfile.gettempdir()
print(type(d).__name__, os.path.isabs(d), os.path.isdir(d), tempfile.gettempdir() == d)
print(tempfile.gettempprefix(), tempfile.gettempprefixb(), tempfile.gettempdirb() == os.fsencode(d) if hasattr(os, "fsencode") else True)
fd, name = tempfile.mkstemp()
print(type(fd).__name__, os.path.isabs(name), os.path.dirname(name) == d, os.path.basename(name).startswith("tmp"))
print(len(os.path.basename(name)), oct(os.stat(name).st_mode & 0o777), os.path.getsize(name))
os.write(fd, b"data")
os.close(fd)
print(open(name, "rb").read())
os.remove(name)

top = tempfile.mkdtemp()
print(os.path.isabs(top), os.path.isdir(top), oct(os.stat(top).st_mode & 0o777), os.listdir(top))
fd, name = tempfile.mkstemp(suffix=".txt", prefix="pre_", dir=top)
os.close(fd)
base = os.path.basename(name)
print(os.path.dirname(name) == top, base.startswith("pre_"), base.endswith(".txt"), len(base))
sub = tempfile.mkdtemp(suffix="_s", prefix="p_", dir=top)
print(os.path.basename(sub).startswith("p_"), sub.endswith("_s"), os.path.isdir(sub))
fd, bname = tempfile.mkstemp(dir=os.fsencode(top) if hasattr(os, "fsencode") else top.encode())
os.close(fd)
print(type(bname).__name__, bname.startswith(b"/"))
names = set()
for i in range(20):
    fd, n = tempfile.mkstemp(dir=top)
    os.close(fd)
    names.add(n)
print(len(names))
try:
    tempfile.mkstemp(prefix=b"x", suffix="y")
except TypeError as e:
    print("TypeError", e)
try:
    tempfile.mkdtemp(dir=os.path.join(top, "missing"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
for n in os.listdir(top):
    p = os.path.join(top, n)
    if os.path.isdir(p):
        os.rmdir(p)
    else:
        os.remove(p)
os.rmdir(top)
print(os.path.exists(top))
