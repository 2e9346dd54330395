# getattr / setattr / hasattr / delattr on functions and modules.
import types
def f(): pass
setattr(f, "tag", "v1")
print(getattr(f, "tag"), hasattr(f, "tag"), getattr(f, "missing", "default"), hasattr(f, "missing"))
delattr(f, "tag")
print(hasattr(f, "tag"))
m = types.ModuleType("scratch")
setattr(m, "x", 1)
print(m.x, getattr(m, "__name__"), hasattr(m, "y"))
for bad in (lambda: getattr(f, "missing"), lambda: delattr(f, "missing"), lambda: getattr(f, 1), lambda: setattr(1, "real", 2)):
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
