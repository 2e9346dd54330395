# startswith/endswith, with tuples and ranges.
s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name"), s.startswith("name", 4), s.endswith(".gz"))
print(s.endswith((".zip", ".gz")), s.startswith(("a", "b")), s.endswith("tar", 0, 12), s.startswith(""))
try:
    s.startswith(["file"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.endswith((1, "gz"))
except TypeError as e:
    print(type(e).__name__, e)
