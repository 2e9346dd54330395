# obj.__dict__ is the same object every time, stays live after it is taken (views and later
# attribute stores see each other), can be replaced, and vars() returns it.


class C:
    def __init__(self):
        self.a = 1


o = C()
d = o.__dict__
print(d is o.__dict__, d is vars(o), type(d).__name__)
keys, values, items = d.keys(), d.values(), d.items()
o.b = 2
print(keys, values, items)
d["c"] = 3
print(o.c, list(keys))
del o.a
print(d, len(keys))
d.clear()
print(vars(o), hasattr(o, "b"))
o.z = 26
print(d)

# Views taken on a fresh instance's dict.
p = C()
k = p.__dict__.keys()
p.later = "l"
print(k, "later" in k, p.__dict__.get("later"))

# Replacing __dict__.
q = C()
q.x = 9
new = {"y": 1}
q.__dict__ = new
print(q.__dict__ is new, vars(q), hasattr(q, "x"), q.y)
q.w = 2
print(new)


class D(dict):
    pass


sub = D(k=1)
q.__dict__ = sub
print(type(q.__dict__).__name__, q.k)
try:
    q.__dict__ = [("a", 1)]
except TypeError as e:
    print("TypeError:", e)
try:
    del q.__dict__
    print("deleted", vars(q))
except TypeError as e:
    print("TypeError:", e)
q.again = 1
print(vars(q))

# Equality and copies of an instance's dict.
r, s = C(), C()
print(r.__dict__ == s.__dict__, r.__dict__ == {"a": 1}, dict(r.__dict__), r.__dict__.copy())
s.a = 2
print(r.__dict__ == s.__dict__)

# __dict__ through the class's descriptor and object.__getattribute__.
t = C()
print(C.__dict__["__dict__"].__get__(t) is t.__dict__)
print(object.__getattribute__(t, "__dict__") is t.__dict__)

# dir() and repr
u = C()
u.zeta = 0
print([n for n in dir(u) if not n.startswith("__")], u.__dict__)
