# Rich comparisons: NotImplemented, reflection (a < b tries b > a) and subclass priority.
def value(x):
    if isinstance(x, Num):
        return x.v
    if isinstance(x, int):
        return x
    return NotImplemented
class Num:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"{type(self).__name__}({self.v})"
    def __lt__(self, other):
        print(f"  {self!r}.__lt__({other!r})")
        o = value(other)
        return NotImplemented if o is NotImplemented else self.v < o
    def __gt__(self, other):
        print(f"  {self!r}.__gt__({other!r})")
        o = value(other)
        return NotImplemented if o is NotImplemented else self.v > o
    def __eq__(self, other):
        print(f"  {self!r}.__eq__({other!r})")
        if isinstance(other, Num):
            return self.v == other.v
        return NotImplemented
class SubNum(Num):
    pass
print("Num(1) < Num(2)")
print(Num(1) < Num(2))
print("5 > Num(3): int returns NotImplemented, so Num.__lt__ is tried")
print(5 > Num(3))
print("Num(1) < SubNum(2): the subclass's reflected __gt__ goes first")
print(Num(1) < SubNum(2))
print("Num(1) == 'x': both sides NotImplemented -> identity")
print(Num(1) == "x")
print("Num(1) != Num(1): __ne__ inverts __eq__")
print(Num(1) != Num(1))
n = Num(7)
print("n == n ->", n == n, "| [n].count(n) ->", [n].count(n))
try:
    Num(1) < "x"
except TypeError as e:
    print(type(e).__name__, e)
class Weird:
    def __eq__(self, other): return "yes"
    def __lt__(self, other): return [1]
print(Weird() == 1, Weird() < 1, bool(Weird() < 1), Weird() != 1)
