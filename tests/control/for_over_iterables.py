# for loops over many iterable types.
for x in "ab": print("str", x)
for x in b"ab": print("bytes", x)
for x in (1, 2): print("tuple", x)
for k in {"k1": 1, "k2": 2}: print("dict", k)
for x in sorted({3, 1, 2}): print("set", x)
for x in range(5, 0, -2): print("range", x)
for x in reversed([1, 2]): print("reversed", x)
for i, c in enumerate("xy", 1): print("enumerate", i, c)
for a, b in zip("ab", [1, 2]): print("zip", a, b)
for x in map(str.upper, "ab"): print("map", x)
for x in iter([7]): print("iter", x)
try:
    for x in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
