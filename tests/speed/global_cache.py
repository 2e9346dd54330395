# LOAD_GLOBAL's inline cache (vm/eval.cpp) must see every change to the globals and builtins:
# rebinding, deleting, shadowing a builtin and removing the shadow, new globals added (the dict
# resizes), the same code run with other globals, keys that are equal but not the same object.
import builtins


def get_x():
    return x


x = 1
print([get_x() for _ in range(3)])
x = 2                      # rebinding: same key, new value
print(get_x())
del x                      # deleting: NameError with CPython's message
try:
    get_x()
except NameError as e:
    print("NameError:", e)
x = 3                      # back again, at another entry
print(get_x())


def use_len():
    return len("abc")


print(use_len())
len = lambda s: "shadowed"  # a global now shadows the builtin
print(use_len())
del len                    # the builtin is visible again
print(use_len())

# Many new globals: the module dict resizes under the cache.
for i in range(200):
    globals()["g%d" % i] = i
print(get_x(), use_len(), g199)

# Changing builtins itself.
def use_abs():
    return abs(-5)


print(use_abs())
saved = builtins.abs
builtins.abs = lambda v: "patched"
print(use_abs())
del builtins.abs
try:
    use_abs()
except NameError as e:
    print("NameError:", e)
builtins.abs = saved
print(use_abs())

# One code object, several globals dicts.
src = "def f():\n    return y\n"
code = compile("f()", "<s>", "eval")
for value in ("first", "second", "third"):
    ns = {"y": value}
    exec(src, ns)
    print(ns["f"](), eval(ns["f"].__code__, {"y": value.upper()}))

# A key equal to the name but another object (built at run time, not interned).
name = "".join(["z", "z"])
globals()[name] = "runtime key"
def get_zz():
    return zz
print(get_zz(), get_zz())
globals()[name] = "updated"
print(get_zz())

# A global read in a loop while another function rebinds it.
counter = 0
def bump():
    global counter
    counter += 1
def read():
    return counter
seen = []
for _ in range(5):
    bump()
    seen.append(read())
print(seen)

# A dict subclass as globals (exec accepts dict subclasses; lookups ignore __getitem__).
class D(dict):
    def __getitem__(self, k):
        return "never"
d = D(w=10)
exec("def h():\n    return w\n", d)
h = dict.__getitem__(d, "h")
print(h(), h())
dict.__setitem__(d, "w", 11)
print(h())
