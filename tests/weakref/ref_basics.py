# weakref.ref: calling, death on the last strong reference, callbacks, sharing of
# callback-less refs, hashing, equality, getweakrefcount/getweakrefs, repr.
import weakref

class C:
    pass

o = C()
r = weakref.ref(o)
print(r() is o, type(r).__name__, type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print(weakref.ref(o) is r, weakref.ref(o, None) is r)
print(r.__callback__)

log = []
def cb(ref):
    log.append(("cb", ref is r2, ref() is None))

r2 = weakref.ref(o, cb)
print(r2 is r, r2.__callback__ is cb, r2 == r)
print(weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r, r2])
print(hash(r) == hash(o), hash(r2) == hash(o))

text = repr(r)
print(text.startswith("<weakref at 0x"), "; to 'C' at 0x" in text, text.endswith(">"))

del o
print("after del:", r(), r2(), log)
print(repr(r).endswith("; dead>"), r == r2, r == r, r != r2)
print(hash(r) == hash(r))   # cached before the referent died

dead = weakref.ref(C())
try:
    hash(dead)
except TypeError as e:
    print("TypeError", e)

# Two live refs compare by their referents.
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __hash__(self):
        return hash(self.v)

k1, k2 = K(1), K(1)
print(weakref.ref(k1) == weakref.ref(k2), weakref.ref(k1) != weakref.ref(k2))

# Functions, classes, bound-method targets and modules can be weakly referenced.
def f():
    pass

print(weakref.ref(f)() is f, weakref.ref(C)() is C, weakref.ref(weakref)() is weakref)
fr = repr(weakref.ref(f))
print("; to 'function' at 0x" in fr, fr.endswith(" (f)>"))
