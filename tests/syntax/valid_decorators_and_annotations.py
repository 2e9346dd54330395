# Decorator expressions (PEP 614) and annotations parse.
funcs = [lambda f: f]
@funcs[0]
def g(a: int = 1, *args: str, b: "x" = 2, **kw: float) -> None:
    pass
x: int = 5
y: list[int]
print(g.__annotations__, x, "y" in dir())
