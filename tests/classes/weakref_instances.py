# Weak references to instances die with the object.
import weakref
class Node: pass
n = Node()
r = weakref.ref(n)
print(r() is n)
del n
print(r())
d = weakref.WeakValueDictionary()
k = Node()
d["k"] = k
print(len(d))
del k
print(len(d))
