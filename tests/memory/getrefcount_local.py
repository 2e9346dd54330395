# sys.getrefcount counts the reference held by its own argument too.
import sys
def f():
    x = []
    print(sys.getrefcount(x))
    holder = [x]
    print(sys.getrefcount(x))
    another = x
    print(sys.getrefcount(x))
    del holder
    print(sys.getrefcount(x))
    del another
    print(sys.getrefcount(x))
f()
