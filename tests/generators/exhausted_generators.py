# Once exhausted (by return or by an exception), a generator stays exhausted.
def two():
    yield 1
    yield 2
g = two()
print(list(g), list(g), next(g, "default"), sum(g))
for _ in g:
    print("never")
def fails():
    yield "before"
    raise ValueError("inside generator")
    yield "never"
f = fails()
print(next(f))
try:
    next(f)
except ValueError as e:
    print(type(e).__name__, e)
print(next(f, "exhausted after exception"), list(f))
try:
    next(f)
except StopIteration as e:
    print("StopIteration", e.args)
z = zip(two(), two())
print(list(z), list(z))
g = two()
print(next(g), [x for x in g], next(g, None))
g = two()
a, b = g
print(a, b, list(g))
g = two()
try:
    x, = g
except ValueError as e:
    print(type(e).__name__, e)
