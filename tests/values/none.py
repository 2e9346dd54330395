# None is a singleton; functions without return give None.
def f():
    pass
print(None, f(), f() is None, None == None, None is None, type(None).__name__, bool(None), repr(None))
x = None
print(x or "default", x is not None, str(None) == "None")
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    f = None
    f()
except TypeError as e:
    print(type(e).__name__, e)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
