# Module-level __getattr__ (PEP 562).
import _lazy_attr
print(_lazy_attr.dynamic)
try:
    _lazy_attr.other
except AttributeError as e:
    print(type(e).__name__, e)
