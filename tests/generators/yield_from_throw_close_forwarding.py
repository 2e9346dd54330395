# yield from forwards throw() and close() to the subgenerator.
def inner():
    try:
        while True:
            try:
                yield "inner value"
            except KeyError as e:
                print("  inner handled", repr(e))
                yield "after KeyError"
    finally:
        print("  inner finally")
def outer():
    try:
        result = yield from inner()
    except ValueError as e:
        print("  outer caught", repr(e))
        yield "outer recovered"
    finally:
        print("  outer finally")
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
print(g.throw(ValueError("v")))
g.close()
print("-- close while delegating")
g2 = outer()
next(g2)
g2.close()
print("-- subgenerator returns from throw")
def sub_returns():
    try:
        yield 1
    except OSError:
        return "sub handled and returned"
def delegating():
    r = yield from sub_returns()
    yield "delegator got: " + r
d = delegating()
next(d)
print(d.throw(OSError))
print("-- gi_yieldfrom")
d2 = delegating()
print(d2.gi_yieldfrom)
next(d2)
print(type(d2.gi_yieldfrom).__name__, d2.gi_yieldfrom.__name__)
