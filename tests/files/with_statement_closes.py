# `with open(...)` closes the file at the end of the block, even when an exception escapes.
import os
name = "with_statement_closes.tmp"
try:
    with open(name, "w") as f:
        print(f.closed, f.name, f.mode)
        f.write("data")
    print(f.closed)
    try:
        with open(name) as g:
            print(g.read())
            raise RuntimeError("inside with")
    except RuntimeError as e:
        print(type(e).__name__, e, "| closed:", g.closed)
    with open(name) as a, open(name, "rb") as b:
        print(a.read(), b.read())
    print(a.closed, b.closed)
    h = open(name)
    with h as same:
        print(same is h)
    print(h.closed)
    h.close()
    print("closing twice is fine:", h.closed)
    f = open(name)
    print(f.__enter__() is f, f.__exit__(None, None, None), f.closed)
finally:
    os.remove(name)
