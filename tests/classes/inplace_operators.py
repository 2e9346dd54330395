# In-place operators: __iadd__ mutates and returns; without it, a += b uses __add__ and rebinds.
class Bag:
    def __init__(self, items): self.items = list(items)
    def __repr__(self): return f"Bag({self.items})"
    def __add__(self, other):
        print("  __add__")
        return Bag(self.items + other.items)
    def __iadd__(self, other):
        print("  __iadd__")
        self.items.extend(other.items)
        return self
class Frozen:
    def __init__(self, items): self.items = tuple(items)
    def __repr__(self): return f"Frozen({self.items})"
    def __add__(self, other):
        print("  __add__")
        return Frozen(self.items + other.items)
a = Bag([1]); alias = a
a += Bag([2])
print(a, alias, a is alias)
f = Frozen([1]); alias = f
f += Frozen([2])
print(f, alias, f is alias)
class Picky:
    def __init__(self): self.v = 0
    def __iadd__(self, other):
        print("  __iadd__ ->", "NotImplemented" if other == "no" else "self")
        if other == "no":
            return NotImplemented
        self.v += other
        return self
    def __add__(self, other):
        print("  __add__")
        return "added " + str(other)
p = Picky()
p += 5
print(p.v)
p += "no"
print(p)
class ReturnsOther:
    def __imul__(self, other): return "something else"
r = ReturnsOther()
r *= 3
print(r)
class Counter:
    def __init__(self): self.n = 0
    def __isub__(self, k): self.n -= k; return self
    def __ilshift__(self, k): self.n <<= k; return self
    def __ior__(self, k): self.n |= k; return self
    def __ipow__(self, k): self.n **= k; return self
c = Counter()
c -= 3; c <<= 2; c |= 1; c **= 2
print(c.n)
holder = {"x": Bag([0])}
holder["x"] += Bag([9])
print(holder)
class NoOps: pass
n = NoOps()
try:
    n += 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    n //= 2
except TypeError as e:
    print(type(e).__name__, e)
t = (1, [2])
try:
    t[1] += [3]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
