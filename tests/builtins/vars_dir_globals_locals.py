# vars, dir, globals, locals.
import types
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
ns = types.SimpleNamespace(x=1, y=2)
print(vars(ns), sorted(k for k in globals() if not k.startswith("__")))
print("f" in globals(), globals()["__name__"], "types" in dir())
m = types.ModuleType("mod")
m.alpha = 1
print(sorted(d for d in dir(m) if not d.startswith("__")), [d for d in dir([]) if not d.startswith("_")])
def g(): pass
g.attr = 1
print(vars(g))
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)
