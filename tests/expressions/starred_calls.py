# *args and **kwargs unpacking in calls.
def f(a, b, c=0, *rest, **kw):
    return a, b, c, rest, kw
args = [1, 2]
kwargs = {"c": 3, "d": 4}
print(f(*args), f(*args, **kwargs), f(*"xyz", 9), f(0, *[1], *[2, 3], e=5, **{"g": 6}))
print(f(**{"a": 1, "b": 2}), f(1, **{"b": 2}, c=3))
print(*[1, 2, 3], sep="-")
print(*range(3), *"ab")
for bad in ("f(*1)", "f(**[1])", "f(1, 2, **{'a': 1})", "f(**{'a': 1}, **{'a': 2})", "f(1, **{1: 2})"):
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", type(e).__name__, e)
