# Truth testing: __bool__ first, then __len__, else always true; errors from bad results.
class Both:
    def __bool__(self): print("  __bool__"); return False
    def __len__(self): print("  __len__"); return 5
class LenOnly:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class Neither: pass
print(bool(Both()))
print(bool(LenOnly(0)), bool(LenOnly(2)), bool(Neither()))
if not LenOnly(0):
    print("if not: empty")
x = LenOnly(0) or "fallback"
y = LenOnly(3) and "second"
print(x, y)
n = 3
items = LenOnly(n)
while items:
    print("loop", items.n)
    items.n -= 1
print([v.n for v in (LenOnly(0), LenOnly(1), LenOnly(2)) if v])
class NegLen:
    def __len__(self): return -1
class StrLen:
    def __len__(self): return "3"
class BigLen:
    def __len__(self): return 2 ** 100
class IntBool:
    def __bool__(self): return 0
class NoneBool:
    __bool__ = None
for obj in (NegLen(), StrLen(), BigLen(), IntBool(), NoneBool()):
    try:
        print(bool(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(obj).__name__, type(e).__name__, e)
try:
    len(NegLen())
except ValueError as e:
    print("len", type(e).__name__, e)
try:
    len(Neither())
except TypeError as e:
    print("len", type(e).__name__, e)
