# getattr(o, name, default) and hasattr(): a missing attribute gives the default / False, an
# AttributeError raised by a property or a module __getattr__ too, other errors propagate; for
# instances, classes, modules and module subclasses alike.
import sys
import types


class P:
    @property
    def attr_error(self):
        raise AttributeError("from the property")

    @property
    def value_error(self):
        raise ValueError("from the property")


p = P()
print(getattr(p, "missing", "default"), hasattr(p, "missing"))
print(getattr(p, "attr_error", "default"), hasattr(p, "attr_error"))
try:
    hasattr(p, "value_error")
except ValueError as e:
    print("ValueError", e)
print(getattr(P, "missing", "default"), hasattr(P, "__init__"))
try:
    getattr(p, 1, None)
except TypeError as e:
    print("TypeError", e)

m = types.ModuleType("m")
print(getattr(m, "missing", "default"), hasattr(m, "__name__"))
try:
    getattr(m, 2, None)
except TypeError as e:
    print("TypeError", e)


def module_getattr(name):
    if name == "lazy":
        return 42
    if name == "broken":
        raise KeyError(name)
    raise AttributeError(f"module 'm' has no attribute {name!r}")


m.__getattr__ = module_getattr
print(getattr(m, "lazy", None), getattr(m, "other", "default"), hasattr(m, "other"))
try:
    hasattr(m, "broken")
except KeyError as e:
    print("KeyError", e)


class SubModule(types.ModuleType):
    pass


s = SubModule("s")
print(getattr(s, "missing", "default"), hasattr(s, "__name__"))
try:
    s.missing
except AttributeError as e:
    print("AttributeError", e)
print(getattr(sys, "no_such_attribute", "default"))
