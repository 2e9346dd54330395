# Unary operators and abs on ints and bools.
for n in (0, 3, -3, 2 ** 80, -(2 ** 80), True, False):
    print(-n, +n, abs(n), ~int(n))
