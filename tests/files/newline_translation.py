# Universal newlines: text mode reads \r\n and \r as \n; the newline= argument controls it.
import os
name = "newline_translation.tmp"
try:
    with open(name, "wb") as f:
        f.write(b"unix\nwindows\r\nold mac\rend")
    with open(name) as f:
        print(f.readlines(), f.newlines)
    with open(name, newline="") as f:
        print(f.readlines())
    with open(name, newline="\r") as f:
        print(f.readlines())
    with open(name, newline="\r\n") as f:
        print(f.readlines())
    with open(name, "w", newline="\r\n") as f:
        f.write("a\nb\n")
    with open(name, "rb") as f:
        print(f.read())
    with open(name, "w", newline="") as f:
        f.write("c\nd\r\n")
    with open(name, "rb") as f:
        print(f.read())
    with open(name, "w") as f:
        f.write("e\n")
    with open(name, "rb") as f:
        print(f.read())
finally:
    os.remove(name)
