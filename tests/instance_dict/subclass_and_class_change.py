# Subclasses have their own attribute layouts; __class__ assignment keeps the attributes; slots
# classes and dict-based attributes coexist.


class Base:
    def __init__(self):
        self.a = "A"
        self.b = "B"


class Sub(Base):
    def __init__(self):
        self.c = "C"
        super().__init__()


class Other:
    def __init__(self):
        self.b = "b"
        self.a = "a"


x = Base()
y = Sub()
print(vars(x), vars(y))
z = Other()
x.__class__ = Other
print(type(x).__name__, vars(x), x.a, x.b)
x.c = 1
print(vars(x))
w = Base()
w.__class__ = Sub
print(vars(w), isinstance(w, Sub))
w.__class__ = Base
w.d = 4
print(vars(w))


class Slotted:
    __slots__ = ("s",)


class SlottedWithDict:
    __slots__ = ("s", "__dict__")


class FromSlotted(Slotted):
    pass


s1 = Slotted()
s1.s = 1
try:
    s1.t = 2
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(s1, "__dict__"))
s2 = SlottedWithDict()
s2.s = 1
s2.t = 2
s2.u = 3
print(s2.s, vars(s2))
s3 = FromSlotted()
s3.s = "slot"
s3.d = "dict"
print(s3.s, vars(s3))


# A data descriptor on the class wins over an instance attribute; a non-data one loses.
class Desc:
    def __get__(self, obj, owner):
        return "descr"

    def __set__(self, obj, value):
        obj.__dict__["shadow"] = value


class NonData:
    def __get__(self, obj, owner):
        return "nondata"


class WithDescr:
    d = Desc()
    n = NonData()

    def __init__(self):
        self.d = 1
        self.n = 2


v = WithDescr()
print(v.d, v.n, vars(v))


# __getattr__ fallback and __setattr__ override storing through object.__setattr__.
class Hooks:
    def __getattr__(self, name):
        return "missing " + name

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


h = Hooks()
h.a = 1
h.b = "x"
print(h.a, h.b, h.c, vars(h))


# Exceptions, functions and modules keep their own dicts.
class MyErr(Exception):
    pass


e = MyErr("m")
e.extra = 1
def f():
    pass
f.attr = 2
print(vars(e), f.__dict__, e.args)


# A str subclass as an attribute name.
class S(str):
    pass


k = Base()
setattr(k, S("c"), 3)
print(vars(k), k.c, getattr(k, S("a")))
k2 = Base()
print(getattr(k2, S("b")), hasattr(k2, S("zz")))
