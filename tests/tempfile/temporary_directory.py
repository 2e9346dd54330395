# TemporaryDirectory: a context manager giving the path; the tree is removed on exit / cleanup().
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    print(type(d).__name__, os.path.isdir(d), os.path.isabs(d))
    os.makedirs(os.path.join(d, "a", "b"))
    with open(os.path.join(d, "a", "b", "f"), "w") as f:
        f.write("x")
    os.symlink("/", os.path.join(d, "link_to_root"))
    saved = d
print(os.path.exists(saved), os.path.exists("/"))

t = tempfile.TemporaryDirectory(prefix="gp_", suffix="_x")
base = os.path.basename(t.name)
print(base.startswith("gp_"), base.endswith("_x"), os.path.isdir(t.name))
print(repr(t).startswith("<TemporaryDirectory '") and repr(t).endswith("'>"))
t.cleanup()
t.cleanup()
print(os.path.exists(t.name))

t = tempfile.TemporaryDirectory(delete=False)
with t as name:
    pass
print(os.path.isdir(name))
os.rmdir(name)

outer = tempfile.mkdtemp()
with tempfile.TemporaryDirectory(dir=outer) as d:
    print(os.path.dirname(d) == outer)
print(os.listdir(outer))
os.rmdir(outer)
t = tempfile.TemporaryDirectory()
name = t.name
del t
print(os.path.exists(name))
