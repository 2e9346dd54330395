# __call__, __bool__, __len__ truthiness.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x): return x + self.n
class Empty:
    def __len__(self): return 0
class Falsy:
    def __bool__(self): return False
print(Adder(5)(10), callable(Adder(1)), bool(Empty()), bool(Falsy()), bool(Adder(0)), list(map(Adder(1), [1, 2])))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
