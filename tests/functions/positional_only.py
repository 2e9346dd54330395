# Positional-only parameters before /.
def f(a, b, /, c, *, d=4):
    return a, b, c, d
print(f(1, 2, 3), f(1, 2, c=3), f(1, 2, 3, d=5))
for call in ("f(1, b=2, c=3)", "f(a=1, b=2, c=3)", "f(1, 2)"):
    try:
        eval(call)
    except TypeError as e:
        print(call, "->", e)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
