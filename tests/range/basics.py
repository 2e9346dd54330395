# range objects: len, indexing, repr, equality.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2], range(5), range(0), range(1, 5, 1))
print(len(range(0, -10, -1)), list(range(10, 0, -3)), list(range(5, 5)), list(range(-3)))
print(range(0, 3) == range(0, 3, 1), range(0) == range(5, 2), range(1, 10, 2) == range(1, 11, 2))
print(r.start, r.stop, r.step, r.index(8), r.count(8), r.count(9))
print(range(10 ** 20)[-1], range(10 ** 20)[10 ** 19])
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(type(e).__name__, e)
