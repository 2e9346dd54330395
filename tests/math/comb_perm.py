# comb(n, k) and perm(n, k): values, k > n, default k for perm, and argument errors.
import math
print([math.comb(5, k) for k in range(7)], [math.perm(5, k) for k in range(7)])
print(math.perm(5), math.perm(0), math.comb(0, 0), math.comb(100, 50), math.perm(20, 10))
print(math.comb(10 ** 4, 3), sum(math.comb(30, k) for k in range(31)) == 2 ** 30)
for f in (math.comb, math.perm):
    for args in ((-1, 2), (5, -1), (5.0, 2), (5, 2.0), ("5", 2), (5,) if f is math.comb else (5, 1, 1)):
        try:
            f(*args)
        except (ValueError, TypeError) as e:
            print(f.__name__, args, type(e).__name__, e)
