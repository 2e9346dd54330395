# An uncaught io.UnsupportedOperation from writing to a read-only file.
import os
name = "unsupported_write_uncaught.tmp"
with open(name, "w") as f:
    f.write("x")
f = open(name)
os.remove(name)
f.write("more")
