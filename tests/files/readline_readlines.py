# readline() keeps the newline and returns '' at EOF; readlines() returns a list; size limits.
import os
name = "readline_readlines.tmp"
try:
    with open(name, "w") as f:
        f.write("alpha\nbeta\n\ngamma")
    with open(name) as f:
        print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
    with open(name) as f:
        print(f.readlines())
    with open(name) as f:
        print(repr(f.readline(3)), repr(f.readline(100)), f.readlines(1), f.readlines())
    with open(name, "rb") as f:
        print(f.readline(), f.readlines())
    with open(name, "w") as f:
        pass
    with open(name) as f:
        print(repr(f.read()), repr(f.readline()), f.readlines())
finally:
    os.remove(name)
