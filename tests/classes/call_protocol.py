# __call__: arguments, lookup on the type (not the instance), callable().
class Multiplier:
    def __init__(self, k): self.k = k
    def __call__(self, *args, scale=1, **kw):
        return [a * self.k * scale for a in args], sorted(kw)
m = Multiplier(3)
print(m(1, 2), m(1, scale=10, extra=1, other=2), callable(m), callable(Multiplier))
class Plain: pass
p = Plain()
p.__call__ = lambda: "instance attribute"
print(callable(p), p.__call__())
try:
    p()
except TypeError as e:
    print(type(e).__name__, e)
class Chain:
    def __init__(self): self.calls = 0
    def __call__(self):
        self.calls += 1
        return self
c = Chain()
print(c()()().calls)
class Strict:
    def __call__(self, a, /, b, *, c): return (a, b, c)
s = Strict()
print(s(1, 2, c=3), s(1, b=2, c=3))
for args, kw in (((1,), {"b": 2}), ((), {"a": 1, "b": 2, "c": 3}), ((1, 2, 3), {})):
    try:
        s(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
print(list(map(Multiplier(2), [1, 2])), sorted([3, 1, 2], key=Multiplier(-1)))
for bad in (5, "str", None):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
