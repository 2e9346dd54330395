# gcd/lcm with any number of arguments, zero, negatives, big ints; non-integers are rejected.
import math
print(math.gcd(), math.gcd(0), math.gcd(-12), math.gcd(12, 18), math.gcd(12, -18), math.gcd(0, 0), math.gcd(0, 5))
print(math.gcd(24, 36, 60), math.gcd(7, 13), math.gcd(2 ** 200, 6 ** 80), math.gcd(True, 4))
print(math.lcm(), math.lcm(0), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(3, 0), math.lcm(2, 3, 4, 5), math.lcm(2 ** 64, 3 ** 5))
for f in (math.gcd, math.lcm):
    for args in ((2.0, 4), (2, "4"), (1, 2, 3.5), (None,)):
        try:
            f(*args)
        except TypeError as e:
            print(f.__name__, args, type(e).__name__, e)
