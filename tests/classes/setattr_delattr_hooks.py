# __setattr__ and __delattr__ intercept every assignment/deletion; object.__setattr__ bypasses them.
class Logged:
    def __init__(self):
        self.created = True
    def __setattr__(self, name, value):
        print(f"  set {name}={value!r}")
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print(f"  del {name}")
        super().__delattr__(name)
l = Logged()
l.x = 1
setattr(l, "y", 2)
l.x += 10
del l.y
delattr(l, "created")
print(sorted(vars(l).items()))
try:
    del l.nothing
except AttributeError as e:
    print(type(e).__name__, e)
class Immutable:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "b", b)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field {name!r}")
im = Immutable(1, 2)
print(im.a, im.b)
for f in (lambda: setattr(im, "a", 5), lambda: delattr(im, "b")):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e)
print(im.a, im.b)
class Validating:
    def __setattr__(self, name, value):
        if not isinstance(value, int):
            raise TypeError(f"{name} must be int, got {type(value).__name__}")
        object.__setattr__(self, name, value * 2)
v = Validating()
v.n = 4
print(v.n)
try:
    v.s = "x"
except TypeError as e:
    print(type(e).__name__, e)
for target, args in ((1, ("real", 5)), ("s", ("x", 1)), (object(), ("x", 1))):
    try:
        setattr(target, *args)
    except AttributeError as e:
        print(type(e).__name__, e)
