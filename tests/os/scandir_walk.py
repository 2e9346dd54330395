# os.scandir / DirEntry and os.walk (top-down with pruning, bottom-up, onerror).
import os
import tempfile

home = os.getcwd()
top = tempfile.mkdtemp()
os.chdir(top)
os.makedirs("t/a/a1")
os.makedirs("t/b")
for p in ["t/f1", "t/a/f2", "t/a/a1/f3", "t/b/f4"]:
    with open(p, "w") as f:
        f.write("x" * len(p))
os.symlink("a", "t/la")
os.symlink("f1", "t/lf")

with os.scandir("t") as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_file(), e.is_dir(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False), os.fspath(e))
print([e.stat().st_size for e in entries if e.is_file()])
print(entries[0].inode() == os.stat("t/a").st_ino)
print(sorted(e.name for e in os.scandir(b"t")))
it = os.scandir("t")
next(it)
it.close()
print(list(it))
here = sorted(e.path for e in os.scandir())
print(here)

def show(w):
    for top_, dirs, files in w:
        print(top_, sorted(dirs), sorted(files))

for top_, dirs, files in os.walk("t"):
    dirs.sort()
    print(top_, dirs, sorted(files))
print("-- pruned")
for top_, dirs, files in os.walk("t"):
    dirs[:] = sorted(d for d in dirs if d != "a")
    print(top_, dirs, sorted(files))
print("-- bottom up")
result = list(os.walk("t", topdown=False))
print(sorted(r[0] for r in result), result[-1][0])
order = [r[0] for r in result]
print(order.index("t/a/a1") < order.index("t/a"), order.index("t/a") < order.index("t"))
print("-- followlinks")
print(sorted(r[0] for r in os.walk("t", followlinks=True)))
print("-- errors")
errors = []
print(list(os.walk("missing", onerror=errors.append)), [type(e).__name__ for e in errors])
print(errors[0].filename)
print(list(os.walk("missing")))
print(list(os.walk(b"t/b")))
try:
    os.scandir("missing")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
for p in sorted([r for r in os.walk("t", topdown=False)], key=lambda r: -len(r[0])):
    for f in p[2]:
        os.remove(os.path.join(p[0], f))
    for d in p[1]:
        if os.path.islink(os.path.join(p[0], d)):
            os.remove(os.path.join(p[0], d))
    os.rmdir(p[0])
print(os.listdir())
os.chdir(home)
os.rmdir(top)
