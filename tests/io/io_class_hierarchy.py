# The io class hierarchy: what open() returns is an instance of the io ABCs, and the bases
# provide CPython's default methods.
import io
name = "io_class_hierarchy.tmp"
with open(name, "w") as f:
    print(isinstance(f, io.IOBase), isinstance(f, io.TextIOBase), isinstance(f, io.BufferedIOBase))
    print(isinstance(f.buffer, io.BufferedIOBase), isinstance(f.buffer, io.RawIOBase))
    print(isinstance(f.buffer.raw, io.RawIOBase), isinstance(f.buffer.raw, io.FileIO))
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BufferedReader, io.BufferedIOBase),
      issubclass(io.BufferedWriter, io.IOBase), issubclass(io.BufferedRandom, io.BufferedIOBase),
      issubclass(io.TextIOWrapper, io.TextIOBase))
print(issubclass(io.StringIO, io.TextIOBase), issubclass(io.BytesIO, io.BufferedIOBase),
      issubclass(io.StringIO, io.IOBase), issubclass(io.BytesIO, io.RawIOBase))
print(io.FileIO.__module__, io.BufferedReader.__name__, io.TextIOWrapper.__name__)

# The defaults of the base class.
b = io.IOBase()
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
for op in (b.fileno, lambda: b.seek(0), b.truncate, b.tell):
    try:
        op()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
with b as entered:
    print(entered is b)
print(b.closed)
for op in (b.flush, b.isatty, b.__enter__, lambda: iter(b), b._checkClosed):
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
b.close()
for cls, ops in ((io.BufferedIOBase, ("read", "read1", "write", "detach")),
                 (io.TextIOBase, ("read", "readline", "write", "detach"))):
    obj = cls()
    for op in ops:
        try:
            getattr(obj, op)(*(["x"] if op == "write" else []))
        except io.UnsupportedOperation as e:
            print(cls.__name__ in ("BufferedIOBase", "_BufferedIOBase"), op, e)
t = io.TextIOBase()
print(t.encoding, t.newlines, t.errors)
try:
    io.RawIOBase().read()
except NotImplementedError as e:
    print("NotImplementedError", repr(str(e)))
try:
    io.IOBase()._checkReadable()
except io.UnsupportedOperation as e:
    print(e)
import os
os.remove(name)
