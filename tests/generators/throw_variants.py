# throw(): with a class or an instance, into unstarted/finished generators, handled or not.
def worker():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  handled ValueError:", e)
            yield "recovered"
w = worker()
print(next(w))
print(w.throw(ValueError("bad input")))
print(next(w))
print(w.throw(ValueError))
try:
    w.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print("after unhandled throw:", next(w, "exhausted"))
def simple():
    print("  body started")
    yield 1
s = simple()
try:
    s.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted:", e, "| next:", next(s, "exhausted"))
def returns_after_catch():
    try:
        yield 1
    except ZeroDivisionError:
        return "returned from handler"
r = returns_after_catch()
next(r)
try:
    r.throw(ZeroDivisionError)
except StopIteration as e:
    print("StopIteration", e.value)
def yields_in_finally():
    try:
        yield "a"
    finally:
        print("  finally runs during throw")
f = yields_in_finally()
next(f)
try:
    f.throw(OSError("io"))
except OSError as e:
    print(type(e).__name__, e)
for bad in (5, "str", object):
    g = worker()
    next(g)
    try:
        g.throw(bad)
    except TypeError as e:
        print(type(e).__name__, e)
