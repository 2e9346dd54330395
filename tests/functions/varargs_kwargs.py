# *args collects extra positionals as a tuple, **kwargs extra keywords as a dict.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
def g(first, *rest, sep=", "):
    return sep.join(map(str, (first,) + rest))
print(g(1), g(1, 2, 3), g(1, 2, sep="|"))
def h(a, **kw):
    return sorted(kw.items())
print(h(1, z=1, y=2), h(a=1, b=2))
