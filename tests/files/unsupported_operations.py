# Writing a file opened for reading (and vice versa) raises io.UnsupportedOperation.
import os, io
name = "unsupported_operations.tmp"
try:
    with open(name, "w") as f:
        f.write("content\n")
        for op in (f.read, f.readline, f.readlines):
            try:
                op()
            except io.UnsupportedOperation as e:
                print(op.__name__, type(e).__name__, e)
    with open(name) as f:
        for op, args in ((f.write, ("x",)), (f.writelines, (["x"],)), (f.truncate, ())):
            try:
                op(*args)
            except io.UnsupportedOperation as e:
                print(op.__name__, type(e).__name__, e)
    with open(name, "rb") as f:
        try:
            f.write(b"x")
        except io.UnsupportedOperation as e:
            print("binary write", type(e).__name__, e)
    with open(name, "ab") as f:
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print("binary read", type(e).__name__, e)
    print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
    with open(name) as f:
        print(f.read())
finally:
    os.remove(name)
