# A from-import of a name not yet defined in a partially initialised module fails with a hint.
import sys
try:
    import _cyc_a
except ImportError as e:
    print(type(e).__name__, e)
    print("name:", e.name)
print("_cyc_a" in sys.modules, "_cyc_b" in sys.modules)
