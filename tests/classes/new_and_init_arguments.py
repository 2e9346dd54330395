# object.__new__/__init__ argument checking, __new__ returning other objects, immutable subclasses.
class NoInit: pass
class OnlyNew:
    def __new__(cls, *args):
        print("  OnlyNew.__new__", args)
        return super().__new__(cls)
class OnlyInit:
    def __init__(self, *args):
        print("  OnlyInit.__init__", args)
OnlyNew(1, 2)
OnlyInit(1, 2)
for f in (lambda: NoInit(1), lambda: NoInit(a=1), lambda: object(1), lambda: object.__new__(NoInit, 1),
          lambda: object.__new__(5), lambda: object.__new__(int)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
class Other:
    def __init__(self): print("  Other.__init__")
class Factory:
    def __new__(cls, kind):
        return Other() if kind == "other" else super().__new__(cls)
    def __init__(self, kind):
        print("  Factory.__init__", kind)
print(type(Factory("self")).__name__, type(Factory("other")).__name__)
class Sub(Factory): pass
print(type(Sub("x")).__name__)
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    x = property(lambda self: self[0])
print(Upper("shout"), type(Upper("a")).__name__, Point(1, 2), Point(1, 2).x, len(Point(3, 4)))
class Even(int):
    def __new__(cls, n):
        if n % 2:
            raise ValueError(f"{n} is odd")
        return super().__new__(cls, n)
print(Even(4) + 1, type(Even(4) + 1).__name__)
try:
    Even(3)
except ValueError as e:
    print(type(e).__name__, e)
