# A class with separate iterable and iterator; iteration state, exhaustion and re-iteration.
class Range2:
    def __init__(self, start, stop):
        self.start, self.stop = start, stop
    def __iter__(self):
        print("  new iterator")
        return Range2Iter(self.start, self.stop)
class Range2Iter:
    def __init__(self, cur, stop):
        self.cur, self.stop = cur, stop
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur >= self.stop:
            raise StopIteration
        v = self.cur
        self.cur += 2
        return v
r = Range2(0, 7)
print(list(r), list(r))
it = iter(r)
print(next(it), next(it), list(it), list(it), next(it, "empty"))
print(sum(r), max(r), sorted(r, reverse=True), 4 in r, 5 in r)
a, b, *rest = Range2(1, 10)
print(a, b, rest)
print(dict(zip(Range2(0, 4), "xy")), list(enumerate(Range2(10, 13))))
for i, v in enumerate(Range2(0, 100)):
    if v > 4:
        print("break at", i, v)
        break
it2 = iter(Range2(0, 3))
try:
    while True:
        print("got", next(it2))
except StopIteration as e:
    print("StopIteration", e.args)
