# A file object is its own line iterator; iteration mixes with next() and enumerate.
import os
name = "iterate_lines.tmp"
try:
    with open(name, "w") as f:
        f.writelines(["one\n", "two\n", "three\n", "four"])
    with open(name) as f:
        print(iter(f) is f)
        for i, line in enumerate(f, 1):
            print(i, repr(line))
    with open(name) as f:
        print(repr(next(f)), [line.rstrip() for line in f], next(f, "EOF"))
    with open(name) as f:
        words = [w for line in f for w in line.split() if "o" in w]
    print(words)
    with open(name) as f:
        print(sum(1 for _ in f), max(open(name), key=len).strip())
    with open(name, "rb") as f:
        print(list(f))
finally:
    os.remove(name)
