# Reflected operators: __radd__ and friends, NotImplemented, and subclass-first dispatch.
class Meters:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"{type(self).__name__}({self.v})"
    def __add__(self, other):
        print(f"  {self!r}.__add__({other!r})")
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print(f"  {self!r}.__radd__({other!r})")
        if isinstance(other, (int, float)):
            return Meters(other + self.v)
        return NotImplemented
    def __rsub__(self, other):
        return Meters(other - self.v)
    def __rmul__(self, other):
        return Meters(other * self.v)
    def __rtruediv__(self, other):
        return f"{other} per {self.v}m"
    def __rpow__(self, other):
        return ("rpow", other, self.v)
class Feet(Meters):
    def __radd__(self, other):
        print(f"  {self!r}.__radd__({other!r})")
        return "Feet wins"
class Inherits(Meters):
    pass
print(1 + Meters(2))
print(Meters(2) + 1)
print(10 - Meters(3), 3 * Meters(4), 6 / Meters(2), 2 ** Meters(5))
print(sum([Meters(1), Meters(2), Meters(3)]))
print(Meters(1) + Feet(2))
print(Meters(1) + Inherits(2))
try:
    "s" + Meters(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Meters(1) + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    Meters(1) - Meters(2)
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2] * 2, 2 * [1, 2], 3 * "ab")
