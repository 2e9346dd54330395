# __index__ lets objects be used as integers: indexing, slicing, bin/hex, range, operator.index.
import operator
class Idx:
    def __init__(self, n): self.n = n
    def __index__(self):
        return self.n
data = list("abcdefgh")
i, j = Idx(1), Idx(5)
print(data[i], data[i:j], data[Idx(-1)], "xyz"[Idx(2)], (10, 20)[Idx(0)], b"AB"[Idx(1)])
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), list(range(Idx(3))), operator.index(Idx(7)))
print([0] * Idx(3), "ab" * Idx(2), int(Idx(4)), data[::Idx(3)])
print(round(2.5, Idx(0)), round(1234, Idx(-2)), "abcdef".find("c", Idx(1)))
class BadIndex:
    def __index__(self): return "nope"
class NoIndex: pass
for f in (lambda: data[NoIndex()], lambda: data[BadIndex()], lambda: hex(NoIndex()),
          lambda: range(NoIndex()), lambda: operator.index(BadIndex()), lambda: "abc"[NoIndex():],
          lambda: [0] * NoIndex(), lambda: data[1.5], lambda: format(Idx(10), "b")):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
