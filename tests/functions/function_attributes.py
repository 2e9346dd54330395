# Function objects have attributes.
def f(a, b=2, *args, c, d=4, **kw):
    "Docstring of f."
    x = 1
    return x
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__module__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:6], f.__code__.co_name)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, (lambda: 0).__qualname__, type(f).__name__, callable(f))
def annotated(x: int, y: "str" = "s") -> list:
    pass
print(annotated.__annotations__)
