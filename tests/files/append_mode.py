# Append mode writes at the end regardless of seek; 'a+' can read back.
import os
name = "append_mode.tmp"
try:
    with open(name, "a") as f:
        f.write("one\n")
        print(f.tell())
    with open(name, "a") as f:
        print(f.tell())
        f.write("two\n")
    with open(name, "a+") as f:
        print(repr(f.read()))
        f.seek(0)
        print(repr(f.read()))
        f.seek(0)
        f.write("three\n")
        f.seek(0)
        print(f.read().splitlines())
    with open(name, "ab") as f:
        f.seek(0)
        f.write(b"four\n")
    with open(name) as f:
        print(f.read().splitlines())
finally:
    os.remove(name)
