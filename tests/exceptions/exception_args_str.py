# args, str and repr of exceptions.
for e in (ValueError(), ValueError("one"), ValueError("a", "b"), KeyError("k"), KeyError(), OSError(2, "No such file"), StopIteration(5), SystemExit(3)):
    print(repr(e), "|", str(e), "|", e.args)
e = OSError(2, "No such file or directory", "f.txt")
print(e.errno, e.strerror, e.filename, type(e).__name__, str(e))
print(FileNotFoundError(2, "x").errno, type(OSError(2, "x")).__name__)
print(StopIteration(7).value, SystemExit(4).code, SystemExit().code)
