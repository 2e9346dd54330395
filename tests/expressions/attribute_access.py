# Attribute access on modules, functions and builtins.
import math
print(math.pi > 3, callable("x".upper), [].append.__name__, (1).__class__.__name__)
def f():
    pass
f.custom = 42
print(f.custom, f.__name__, getattr(f, "custom"), hasattr(f, "nope"))
try:
    math.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 5
except AttributeError as e:
    print(type(e).__name__, e)
