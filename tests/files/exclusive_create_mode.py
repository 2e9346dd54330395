# Mode 'x' creates a new file and fails with FileExistsError if it exists.
import os, errno
name = "exclusive_create_mode.tmp"
try:
    with open(name, "x") as f:
        f.write("created")
    try:
        open(name, "x")
    except FileExistsError as e:
        print(type(e).__name__, e, e.errno == errno.EEXIST, e.filename)
    try:
        open(name, "xb")
    except FileExistsError as e:
        print(type(e).__name__, e)
    with open(name) as f:
        print(f.read())
finally:
    os.remove(name)
with open(name, "x+") as f:
    f.write("again")
    f.seek(0)
    print(f.read(), f.mode)
os.remove(name)
print(os.path.exists(name))
