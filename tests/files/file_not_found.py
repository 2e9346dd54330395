# Opening a missing file: FileNotFoundError with errno, strerror and filename.
import errno
try:
    open("missing.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
    print(e.errno, e.errno == errno.ENOENT, e.strerror, e.filename, e.args)
    print(isinstance(e, OSError), type(e).__mro__[1].__name__)
for mode in ("r", "rb", "r+"):
    try:
        open("no_such_dir/file.txt", mode)
    except OSError as e:
        print(mode, type(e).__name__, e)
try:
    open("no_such_dir/new.txt", "w")
except FileNotFoundError as e:
    print("w", type(e).__name__, e)
try:
    open("")
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    open(".")
except IsADirectoryError as e:
    print(type(e).__name__, e)
