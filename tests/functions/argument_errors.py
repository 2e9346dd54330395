# TypeError messages for bad calls.
def f(a, b, c=3):
    pass
def g():
    pass
for call in ("f()", "f(1)", "f(1, 2, 3, 4)", "f(1, 2, d=4)", "f(1, a=1)", "g(1)", "g(x=1)", "f(1, 2, c=3, c=4)" if False else "f(*[1, 2, 3, 4, 5])", "len()", "len(1, 2)", "abs(x=1)"):
    try:
        eval(call)
    except TypeError as e:
        print(call, "->", e)
