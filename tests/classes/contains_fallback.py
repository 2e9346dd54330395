# `in` uses __contains__, then __iter__, then __getitem__; the result is made a bool.
class WithContains:
    def __contains__(self, x):
        print("  __contains__", x)
        return x % 2 == 0
class IterOnly:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2, 3])
class GetitemOnly:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        print("  __getitem__", i)
        return i * 10
class TruthyResult:
    def __contains__(self, x): return "non-empty string"
class FalsyResult:
    def __contains__(self, x): return []
print(4 in WithContains(), 3 not in WithContains())
print(2 in IterOnly(), 9 in IterOnly())
print(20 in GetitemOnly(), 25 in GetitemOnly())
print(1 in TruthyResult(), 1 in FalsyResult(), 1 not in FalsyResult())
class Neither: pass
class ContainsNone:
    __contains__ = None
    def __iter__(self): return iter([1])
for obj in (Neither(), ContainsNone(), 3):
    try:
        1 in obj
    except TypeError as e:
        print(type(obj).__name__, type(e).__name__, e)
class Raising:
    def __contains__(self, x): raise LookupError("inside __contains__")
try:
    0 in Raising()
except LookupError as e:
    print(type(e).__name__, e)
