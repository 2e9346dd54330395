# Arithmetic dunders, reflected and in-place.
class Vec:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f"Vec{self.c}"
    def __add__(self, o): return Vec(*(a + b for a, b in zip(self.c, o.c)))
    def __sub__(self, o): return Vec(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return Vec(*(a * k for a in self.c)) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k): return self * k
    def __neg__(self): return Vec(*(-a for a in self.c))
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __iadd__(self, o):
        self.c = tuple(a + b for a, b in zip(self.c, o.c))
        return self
v = Vec(1, 2)
w = Vec(3, 4)
print(v + w, w - v, v * 3, 3 * v, -v, abs(w))
alias = v
v += w
print(v, alias is v)
try:
    v * "x"
except TypeError as e:
    print(type(e).__name__, e)
