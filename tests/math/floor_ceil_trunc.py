# floor/ceil/trunc return ints (arbitrary size), for ints, floats and bools.
import math
for x in (2.5, -2.5, 2.0, -0.0, 0.999999, -1e-300, 7, -7, True, 1e20, 2 ** 70 + 0.0):
    print(repr(x), math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
print(math.floor(10 ** 30), math.ceil(-(10 ** 30)), math.floor(1.5e308) == int(1.5e308))
for f in (math.floor, math.ceil, math.trunc):
    for arg in (float("inf"), float("-inf"), float("nan"), "3", None, 1j):
        try:
            f(arg)
        except (OverflowError, ValueError, TypeError) as e:
            print(f.__name__, repr(arg), type(e).__name__, e)
