# try/except ImportError fallbacks and conditional imports.
try:
    import nonexistent_fast_impl as impl
    source = "fast"
except ImportError:
    import _plain_helper as impl
    source = "fallback"
print(source, impl.present)
try:
    from _plain_helper import not_defined
except ImportError:
    not_defined = "default value"
print(not_defined)
import sys
mods = []
for name in ("nonexistent_a", "_plain_helper", "nonexistent_b", "sys"):
    try:
        mods.append(__import__(name).__name__)
    except ModuleNotFoundError as e:
        mods.append(f"missing {e.name}")
print(mods)
m = __import__("zoo.animals.dogs")
print(m.__name__)
m = __import__("zoo.animals.dogs", fromlist=["bark"])
print(m.__name__, m.bark())
