# Default argument values are evaluated once, at definition time.
n = 10
def f(a, b=n, c="c"):
    return a, b, c
n = 20
print(f(1), f(1, 2), f(1, c="C"), f(a=0), f.__defaults__)
def g(x=[]):
    x.append(len(x))
    return x
print(g(), g(), g([9]), g())
def h(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(h(), h())
