# Reading a not-yet-defined attribute of a partially initialised module during a circular import.
import sys
try:
    import _cyc_c
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted(k for k in sys.modules if k.startswith("_cyc")))
