# Iteration through __getitem__ alone: indices 0, 1, 2... until IndexError (or StopIteration).
class Squares:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        print("  getitem", i)
        if i >= self.n:
            raise IndexError("out of range")
        return i * i
print(list(Squares(3)))
print(4 in Squares(5))
it = iter(Squares(2))
print(type(it).__name__, next(it), next(it), next(it, "done"))
class StopsWithStopIteration:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return "item%d" % i
print(list(StopsWithStopIteration()))
class WithLen:
    def __len__(self): return 3
    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError(i)
        return "abc"[i]
print(list(reversed(WithLen())), "".join(WithLen()), sorted(WithLen(), reverse=True))
x, y, z = WithLen()
print(x, y, z)
class KeyErrorNotStop:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrorNotStop())
except KeyError as e:
    print(type(e).__name__, e)
try:
    reversed(Squares(2))
except TypeError as e:
    print(type(e).__name__, e)
