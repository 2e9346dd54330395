# from m import *: without __all__, public names (including imported modules); with __all__,
# exactly its entries (even private names and submodules, which are imported).
before = set(dir())
from _no_all import *
print(sorted(set(dir()) - before - {"before"}))
before = set(dir())
from stars import *
print(sorted(set(dir()) - before - {"before"}))
print(sub1.ITEM, value, _private_but_listed)
import sys
print("stars.sub2" in sys.modules, "hidden" in dir())
try:
    from _bad_all import *
except AttributeError as e:
    print(type(e).__name__, e)
print("real" in dir())
try:
    from _bad_all_type import *
except TypeError as e:
    print(type(e).__name__, e)
def f():
    exec("from _no_all import *")
    return "exec in function works"
print(f())
