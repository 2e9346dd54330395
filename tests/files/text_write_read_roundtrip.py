# Writing and reading a text file: write() returns the number of characters, read() everything.
import os
name = "text_write_read_roundtrip.tmp"
try:
    f = open(name, "w")
    print(f.write("first line\n"), f.write("second line\n"), f.write(""), f.write("no newline"))
    f.close()
    f = open(name)
    data = f.read()
    f.close()
    print(repr(data), len(data), data.count("\n"))
    with open(name, "r") as f:
        print(repr(f.read(5)), repr(f.read(6)), repr(f.read()), repr(f.read()))
    with open(name, "w") as f:
        f.write("overwritten")
    with open(name) as f:
        print(f.read())
finally:
    os.remove(name)
print(os.path.exists(name))
