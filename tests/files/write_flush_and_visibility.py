# Buffered writes become visible to another reader after flush() or close().
import os
name = "write_flush_and_visibility.tmp"
try:
    w = open(name, "w")
    w.write("buffered")
    with open(name) as r:
        print(repr(r.read()))
    w.flush()
    with open(name) as r:
        print(repr(r.read()))
    w.write(" more")
    w.close()
    with open(name) as r:
        print(repr(r.read()))
    with open(name, "a") as f:
        print(print("via print", 1, 2, sep="-", file=f))
    with open(name, "a") as f:
        print("second", "print", file=f, end="!\n")
    with open(name) as r:
        print(r.read().splitlines())
finally:
    os.remove(name)
