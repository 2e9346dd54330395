# Every I/O operation on a closed file raises ValueError.
import os
name = "closed_file_operations.tmp"
try:
    with open(name, "w") as f:
        f.write("abc\n")
    g = open(name)
    g.close()
    ops = [("read", lambda: g.read()), ("readline", lambda: g.readline()), ("iteration", lambda: next(g)),
           ("seek", lambda: g.seek(0)), ("tell", lambda: g.tell()), ("write", lambda: f.write("x")),
           ("readable", lambda: g.readable()), ("with", lambda: g.__enter__()), ("list", lambda: list(g)),
           ("fileno", lambda: g.fileno()), ("flush", lambda: f.flush())]
    for label, op in ops:
        try:
            op()
            print(label, "no error")
        except ValueError as e:
            print(label, type(e).__name__, e)
    print(g.closed, g.name, g.mode, f.closed)
    b = open(name, "rb")
    b.close()
    try:
        b.read()
    except ValueError as e:
        print("binary", type(e).__name__, e)
finally:
    os.remove(name)
