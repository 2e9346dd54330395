# Tuple construction, indexing, immutability, packing.
t = (1, "a", 2.5)
print(t, len(t), t[0], t[-1], t[1:], (), (1,), tuple(), tuple("ab"), tuple([1, 2]))
x = 1, 2, 3
print(x, type(x).__name__, (1) == 1, type((1,)).__name__)
print(t.index("a"), (1, 2, 1).count(1), (1, 2) + (3,), (0,) * 3, 2 in (1, 2))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    (1,) + [2]
except TypeError as e:
    print(type(e).__name__, e)
