# math functions accept ints of any size and objects usable as floats/ints; results are floats.
import math
big = 10 ** 100
print(math.sqrt(big), math.log10(big), math.floor(big) == big, math.isqrt(big) == 10 ** 50)
print(math.sqrt(True), math.exp(False), math.copysign(3, -1), math.fabs(-(2 ** 60)))
from fractions import Fraction
from decimal import Decimal
print(math.floor(Fraction(7, 2)), math.ceil(Fraction(7, 2)), math.sqrt(Fraction(1, 4)), math.floor(Decimal("2.5")))
for f, arg in ((math.sqrt, "4"), (math.sqrt, None), (math.sqrt, [4]), (math.exp, 10 ** 400), (math.gcd, 2 ** 0.5)):
    try:
        f(arg)
    except (TypeError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
