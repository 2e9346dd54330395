# Keyword-only parameters after * or *args.
def f(a, *, key, flag=False):
    return a, key, flag
print(f(1, key=2), f(1, key=2, flag=True), f(a=0, key=1))
for call in ("f(1, 2)", "f(1)", "f(1, key=1, other=2)"):
    try:
        eval(call)
    except TypeError as e:
        print(call, "->", e)
