# Metaclass methods are visible on classes but not on instances; metaclass inheritance.
class Meta(type):
    def describe(cls):
        return f"class {cls.__name__} with {len(cls.__mro__)} entries in its MRO"
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    def __len__(cls):
        return 99
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"
    def __iter__(cls):
        return iter(("a", "b"))
class Base(metaclass=Meta): pass
class Child(Base): pass
print(Base.describe(), Child.upper_name, len(Child), Child, list(Base), type(Child).__name__)
try:
    Child().describe()
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(Child, "describe"), hasattr(Child(), "describe"), isinstance(Child, Meta), isinstance(Child(), Meta))
print(type(Meta).__name__, Meta.__mro__[-2:] == (type, object), Meta.describe(Child))
class Counted(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.instances = 0
    def __call__(cls, *a, **k):
        cls.instances += 1
        return super().__call__(*a, **k)
class X(metaclass=Counted): pass
class Y(X): pass
X(); X(); Y()
print(X.instances, Y.instances)
class InstCheck(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub in (int, bool)
class Even(metaclass=InstCheck): pass
print(isinstance(4, Even), isinstance(3, Even), isinstance("x", Even), issubclass(bool, Even), issubclass(str, Even))
