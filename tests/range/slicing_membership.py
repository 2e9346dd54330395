# Slicing a range gives a range; `in` is O(1) for ints.
r = range(0, 100, 5)
print(r[2:5], r[::-1], r[::2], r[-3:], r[5:2:-1], list(r[5:2:-1]))
print(50 in r, 51 in r, 100 in r, -5 in r, 5.0 in r, "5" in r)
print(10 ** 18 in range(0, 10 ** 19, 2), list(range(10, 0, -2)[1:3]))
