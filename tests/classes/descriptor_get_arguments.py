# __get__(instance, owner): instance is None for class access; owner is the class looked up through.
class Show:
    def __get__(self, obj, owner=None):
        return (None if obj is None else type(obj).__name__, owner.__name__ if owner else None)
class Base:
    attr = Show()
class Child(Base): pass
print(Base.attr, Base().attr, Child.attr, Child().attr)
print(Show().__get__(None, Base), Show().__get__(Child()))
print(vars(Base)["attr"].__class__.__name__, getattr(Child, "attr"))
class Lazy:
    """A non-data descriptor that caches its value in the instance dict on first access."""
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
    def __get__(self, obj, owner):
        if obj is None:
            return self
        print("  computing", self.name)
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value
class Circle:
    def __init__(self, r): self.r = r
    @Lazy
    def area(self):
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, type(Circle.area).__name__, "area" in vars(c))
import functools
class Cached:
    @functools.cached_property
    def value(self):
        print("  computing value")
        return 42
k = Cached()
print(k.value, k.value, type(Cached.value).__name__)
class Bound:
    def __init__(self, f): self.f = f
    def __get__(self, obj, owner):
        return functools.partial(self.f, obj)
class UsesBound:
    @Bound
    def hello(self, name): return f"hello {name} from {type(self).__name__}"
print(UsesBound().hello("bob"))
class Broken:
    def __get__(self, obj, owner):
        raise LookupError("descriptor failed")
class HasBroken:
    b = Broken()
try:
    HasBroken().b
except LookupError as e:
    print(type(e).__name__, e)
