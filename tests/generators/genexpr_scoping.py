# Generator expressions: the first iterable is evaluated immediately, the rest lazily.
def source(name, items):
    print("  evaluating", name)
    return items
g = (x * y for x in source("outer", [1, 2]) for y in source("inner", [10, 20]))
print("created")
print(list(g))
n = 10
h = (n + i for i in range(3))
n = 100
print(list(h))
i = "unchanged"
list(i for i in range(5))
print(i)
class C:
    values = [1, 2, 3]
    factor = 10
    doubled = list(v * 2 for v in values)
    try:
        scaled = list(v * factor for v in values)
    except NameError as e:
        scaled = f"{type(e).__name__}: {e}"
print(C.doubled, C.scaled)
try:
    (x for x in 5)
except TypeError as e:
    print("at creation:", type(e).__name__, e)
lazy = (1 / x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("on iteration:", type(e).__name__, e)
ge = (x for x in range(3))
print(type(ge).__name__, ge.__name__, sum(ge), sum(ge))
print(sum(x for x in range(4)), max((len(w), w) for w in ["aa", "b", "ccc"]))
funcs = list((lambda: k) for k in range(3))
print([f() for f in funcs])
