# __iter__ and __next__.
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
class Tree:
    def __init__(self, *kids, val=0): self.kids, self.val = kids, val
    def __iter__(self):
        yield self.val
        for k in self.kids:
            yield from k
print(list(Tree(Tree(val=1), Tree(Tree(val=3), val=2), val=0)))
