# __getattribute__ sees every lookup; __getattr__ only runs when normal lookup raises AttributeError.
class Traced:
    cls_attr = "from class"
    def __init__(self):
        self.real = "instance value"
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("  __getattribute__", name)
        if name == "dyn_forced":
            raise AttributeError("forced")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        print("  __getattr__", name)
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has nothing called {name!r}")
t = Traced()
print(t.real)
print(t.cls_attr)
print(t.dyn_hello)
print(t.dyn_forced)
try:
    t.absent
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(t, "absent", "default"), hasattr(t, "dyn_x"))
class OnlyGetattr:
    x = 1
    def __getattr__(self, name):
        return f"computed {name}"
o = OnlyGetattr()
o.y = 2
print(o.x, o.y, o.z, getattr(o, "w"))
class PropertyRaises:
    @property
    def broken(self):
        raise AttributeError("inner failure")
    def __getattr__(self, name):
        return f"fallback for {name}"
print(PropertyRaises().broken)
class Recursive:
    def __getattr__(self, name):
        return self.missing_too if name == "start" else "end:" + name
print(Recursive().start)
