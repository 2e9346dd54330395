# Data descriptors beat the instance dict; the instance dict beats non-data descriptors.
class Data:
    def __get__(self, obj, owner): return "data descriptor"
    def __set__(self, obj, value): print("  Data.__set__", value)
class NonData:
    def __get__(self, obj, owner): return "non-data descriptor"
class SetOnly:
    def __set__(self, obj, value): print("  SetOnly.__set__", value)
class DeleteOnly:
    def __delete__(self, obj): print("  DeleteOnly.__delete__")
class C:
    d = Data()
    n = NonData()
    s = SetOnly()
    x = DeleteOnly()
c = C()
vars(c).update(d="dict d", n="dict n", s="dict s", x="dict x")
print(c.d, "|", c.n, "|", c.s, "|", c.x)
c.d = 1
c.n = 2
c.s = 3
print(sorted(vars(c).items()))
del c.x
del c.n
print(c.n, "|", type(C.s).__name__, "|", type(C.x).__name__)
try:
    c.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del c.d
except AttributeError as e:
    print(type(e).__name__, e)
print(C.d, C.n)
class Meta(type):
    attr = Data()
class WithMeta(metaclass=Meta):
    attr = "class dict value"
print(WithMeta.attr, WithMeta().attr)
def func(self): return "function is a non-data descriptor"
class F:
    m = func
f = F()
print(f.m())
f.m = lambda: "instance attribute shadows the method"
print(f.m(), F.m(f))
