# Classes are collectable (their dict, mro, descriptors and methods form cycles through the class),
# with CPython 3.12's counts.
import gc

def collect():
    return gc.collect()

collect()

class C: pass
del C
print("empty class:", collect())

class D:
    def m(self): pass
    @property
    def p(self): return 1
    @classmethod
    def c(cls): pass
    @staticmethod
    def s(): pass
del D
print("methods and descriptors:", collect())

class S:
    __slots__ = ("a", "b")
del S
print("slots class:", collect())

class Base:
    def hello(self):
        return "base"
class Derived(Base):
    def hello(self):
        return super().hello() + "+derived"
print(Derived().hello())
del Base, Derived
print("super and __class__ cell:", collect())

class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    x = 1
del WithMeta
print("class with a metaclass:", collect())
del Meta
print("the metaclass:", collect() > 0)

class Node:
    __slots__ = ("cls", "__weakref__")
class Holder:
    __slots__ = ("node",)
n = Holder()
n.node = Node()
n.node.cls = Holder
del n, Holder, Node
print("class referenced by an instance of itself:", collect())

def make_class(i):
    class Local:
        value = i
        def get(self):
            return self.value
    return Local
classes = [make_class(i) for i in range(10)]
print([k().get() for k in classes])
del classes
print("local classes:", collect())

import weakref
class W: pass
r = weakref.ref(W)
del W
collect()
print("weakref to class after collect:", r())

class P:
    def __init__(self):
        self._x = 0
    def getx(self):
        return self._x
    x = property(getx, doc="the x")
print(P().x, P.x.__doc__)
del P
print("property with a doc:", collect() > 0)

class Cm:
    @classmethod
    def make(cls):
        return cls()
Cm.make.__func__.tag = Cm
del Cm
print("classmethod callable referencing the class:", collect())
