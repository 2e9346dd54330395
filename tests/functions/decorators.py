# Decorators: plain, stacked, with arguments; functools.wraps.
import functools
def shout(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k).upper() + "!"
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
def trace(fn):
    def wrapper(*a):
        print("calling", fn.__name__, a)
        return fn(*a)
    return wrapper
@shout
def greet(name):
    "Greets."
    return "hello " + name
@repeat(3)
def one():
    return 1
@trace
@shout
def bye(name):
    return "bye " + name
print(greet("ann"), greet.__name__, greet.__doc__, one(), bye("bob"))
def register(registry):
    def deco(fn):
        registry[fn.__name__] = fn
        return fn
    return deco
funcs = {}
@register(funcs)
def alpha(): return "a"
print(sorted(funcs), funcs["alpha"]())
