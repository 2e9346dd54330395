# __int__, __float__, __complex__, __round__, __trunc__, __floor__, __ceil__ and their errors.
import math
class Num:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __complex__(self): return complex(self.v, 1)
    def __round__(self, ndigits=None): return ("round", ndigits)
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
n = Num(2.75)
print(int(n), float(n), complex(n), round(n), round(n, 1), math.trunc(n), math.floor(n), math.ceil(n))
print(math.sqrt(Num(16)), math.isnan(Num(1)), f"{float(Num(1))}")
class OnlyIndex:
    def __index__(self): return 7
print(int(OnlyIndex()), float(OnlyIndex()), complex(OnlyIndex()))
class BadFloat:
    def __float__(self): return 1
class BadInt:
    def __int__(self): return "1"
class BadComplex:
    def __complex__(self): return 1.0
class FloatSub(float): pass
class ReturnsSub:
    def __float__(self): return FloatSub(2.0)
class Nothing: pass
for f in (lambda: float(BadFloat()), lambda: int(BadInt()), lambda: complex(BadComplex()),
          lambda: int(Nothing()), lambda: float(Nothing()), lambda: round(Nothing()),
          lambda: math.floor(Nothing()), lambda: math.trunc(Nothing()), lambda: complex(Nothing())):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
