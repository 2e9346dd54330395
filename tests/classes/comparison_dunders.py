# Rich comparisons and functools.total_ordering.
import functools
@functools.total_ordering
class Version:
    def __init__(self, s): self.t = tuple(map(int, s.split(".")))
    def __eq__(self, o): return self.t == o.t
    def __lt__(self, o): return self.t < o.t
    def __repr__(self): return "V" + ".".join(map(str, self.t))
vs = [Version("1.10"), Version("1.2"), Version("1.2.1")]
print(sorted(vs), max(vs), Version("1.2") <= Version("1.2"), Version("2.0") > Version("1.9"), Version("1.0") != Version("1.0"))
class NoOrder:
    pass
try:
    NoOrder() < NoOrder()
except TypeError as e:
    print(type(e).__name__, e)
