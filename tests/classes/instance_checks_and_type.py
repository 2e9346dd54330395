# type(), isinstance with classes, and creating classes dynamically.
class Base: pass
class Child(Base): pass
c = Child()
print(type(c) is Child, isinstance(c, Base), issubclass(Child, Base), Child.__bases__[0].__name__, Child.__name__, Child.__qualname__)
Dyn = type("Dyn", (Base,), {"greet": lambda self: "hi", "n": 1})
print(Dyn().greet(), Dyn.n, issubclass(Dyn, Base), Dyn.__name__)
print(type(Base).__name__, Base.__module__, isinstance(Base, type), object in Child.__mro__)
