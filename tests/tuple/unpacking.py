# Tuple unpacking in assignments and loops.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = (1, 2, 3, 4)
*init, last = "abcd"
h, *mid, t = [1, 2]
print(first, rest, init, last, h, mid, t)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
for bad in ("a, b = (1, 2, 3)", "a, b, c = (1, 2)", "a, b = 5", "a, *b, c = [1]"):
    try:
        exec(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
