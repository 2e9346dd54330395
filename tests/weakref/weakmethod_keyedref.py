# WeakMethod keeps a weak reference to a bound method's object; KeyedRef
# carries a key (what WeakValueDictionary stores).
import weakref

class A:
    def meth(self):
        return "meth of A"

a = A()
wm = weakref.WeakMethod(a.meth)
print(wm()(), wm() == a.meth)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", e)
del a
print(wm())

hits = []
class B:
    pass

b = B()
kr = weakref.KeyedRef(b, lambda r: hits.append(r.key), "the key")
print(kr.key, kr() is b, isinstance(kr, weakref.ref))
del b
print(hits, kr())
