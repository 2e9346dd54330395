# References from containers.
import sys
def f():
    obj = object()
    base = sys.getrefcount(obj)
    lst = [obj, obj, obj]
    print(sys.getrefcount(obj) - base)
    d = {"a": obj, "b": obj}
    print(sys.getrefcount(obj) - base)
    t = (obj,)
    print(sys.getrefcount(obj) - base)
    lst.pop()
    d.clear()
    print(sys.getrefcount(obj) - base)
    del lst, t
    print(sys.getrefcount(obj) - base, base)
f()
