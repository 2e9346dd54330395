# Passing an object to a function temporarily adds references.
import sys
def inner(arg):
    return sys.getrefcount(arg)
def outer():
    x = [0]
    before = sys.getrefcount(x)
    during = inner(x)
    after = sys.getrefcount(x)
    print(before, during > before, after == before)
outer()
