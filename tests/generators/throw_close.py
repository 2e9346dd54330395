# throw() raises inside the generator; close() raises GeneratorExit.
def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside:", e)
        yield "recovered"
    finally:
        print("cleanup")
g = gen()
print(next(g))
print(g.throw(ValueError("injected")))
g.close()
g2 = gen()
next(g2)
g2.close()
print("closed", g2.gi_frame is None)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
