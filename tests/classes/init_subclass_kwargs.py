# Class keyword arguments go to __init_subclass__ (metaclass= excepted); defaults and errors.
class Shape:
    registry = {}
    def __init_subclass__(cls, /, sides, name=None, **rest):
        super().__init_subclass__(**rest)
        cls.sides = sides
        Shape.registry[name or cls.__name__.lower()] = cls
        print("registered", cls.__name__, sides, name, rest)
class Triangle(Shape, sides=3): pass
class Square(Shape, sides=4, name="quad"): pass
opts = {"sides": 5, "name": "pent"}
class Pentagon(Shape, **opts): pass
print(sorted(Shape.registry), Square.sides, Shape.registry["pent"].__name__)
try:
    class Blob(Shape): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Extra(Shape, sides=1, colour="red"): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Plain(object, flag=True): pass
except TypeError as e:
    print(type(e).__name__, e)
print("Blob" in [c.__name__ for c in Shape.registry.values()])
class Meta(type):
    pass
class WithMeta(Shape, metaclass=Meta, sides=6): pass
print(type(WithMeta).__name__, WithMeta.sides)
