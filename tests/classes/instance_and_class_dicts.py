# vars(), __dict__ of instances and classes, __class__ assignment and dir() ordering.
class A:
    cls_attr = 1
    def m(self): pass
class B(A):
    other = 2
b = B()
b.inst = 3
print(vars(b), b.__dict__ is vars(b), sorted(k for k in vars(B) if not k.startswith("__")))
print(type(B.__dict__).__name__, "cls_attr" in B.__dict__, "cls_attr" in dir(B), "inst" in dir(b))
b.__dict__["direct"] = 4
print(b.direct, sorted(vars(b)))
try:
    B.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
b.__dict__ = {"fresh": True}
print(vars(b), hasattr(b, "inst"))
try:
    b.__dict__ = [1]
except TypeError as e:
    print(type(e).__name__, e)
class C(A): pass
b.__class__ = C
print(type(b).__name__, isinstance(b, C), b.cls_attr)
try:
    b.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
print(b.__class__.__name__, A.__name__, A.__module__, B.__base__.__name__, type(b.m).__name__)
A.__name__ = "Renamed"
print(A.__name__, A.__qualname__, B.__mro__[1].__name__)
try:
    A.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(n for n in dir(b) if not n.startswith("__")))
