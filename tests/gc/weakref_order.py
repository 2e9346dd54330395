# Deallocation order as CPython 3.12: __del__ first (weakrefs still alive, object tracked), then
# weakref callbacks; classes and modules clear their weakrefs when they die.
import gc, weakref, sys, types
class A:
    def __del__(self):
        print("del; weakref alive:", r() is self, gc.is_tracked(self))
a = A()
r = weakref.ref(a, lambda ref: print("callback; dead:", ref() is None))
del a
print("--")
class M(types.ModuleType):
    def __del__(self):
        print("module del")
m = M("m")
r2 = weakref.ref(m, lambda ref: print("module callback"))
del m
print("--")
m = types.ModuleType("plain")
r3 = weakref.ref(m, lambda ref: print("plain module callback"))
del m
print("--")
class K: pass
r4 = weakref.ref(K, lambda ref: print("class callback"))
del K
print("collected class:", gc.collect() > 0)
print("--")
class B:
    def __del__(self):
        print("B del")
b = B(); b.self = b
r5 = weakref.ref(b, lambda ref: print("B callback"))
del b
gc.collect()
print("--")
class K2:
    def m(self): pass
k = weakref.ref(K2)
del K2
gc.collect()
print(k())
