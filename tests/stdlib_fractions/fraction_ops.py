# fractions: construction, normalisation, arithmetic, comparisons, hashing, rounding, formatting
from fractions import Fraction as F
import math

print(F(3, 4), F(6, -8), F(5), F(), F('3/4'), F(' -1.5e3 '), F('1_000/3'), F(0.1), F(1.5), F(F(1, 3)))
print(repr(F(1, 3)), F(10, 5), F('7'), F('.5'), F('2.'), F(-0.0))
print(F(1, 3) + F(1, 6), F(1, 2) - 1, 2 * F(3, 4), F(3, 4) / F(3, 8), 1 / F(5), F(7, 2) // 2, F(7, 2) % 1)
print(F(1, 2) + 0.25, 0.5 * F(1, 4), F(1, 2) + 1j, F(2, 3) ** 2, F(2, 3) ** -2, 4 ** F(1, 2), F(4, 9) ** F(1, 2))
print(divmod(F(7, 3), F(1, 2)), -F(1, 2), abs(F(-3, 4)), +F(1, 2), F(-7, 2).__floor__(), math.ceil(F(-7, 2)))
print(F(1, 2) == 0.5, F(1, 3) < F(1, 2), F(3) == 3, F(1, 2) > 0.3, F(1, 2) != F(2, 4), F(1, 2) <= 1, sorted([F(2, 3), 0.5, 1, F(1, 4)]))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)))
print(round(F(5, 2)), round(F(7, 2)), round(F(1, 3), 2), round(F(12345, 1), -2), int(F(-7, 2)), float(F(1, 3)), math.trunc(F(-7, 2)))
print(F(3.141592653589793).limit_denominator(1000), F(1, 3).limit_denominator(2), F(0.1).limit_denominator())
print(F(3, 4).numerator, F(3, 4).denominator, F(6, 4).as_integer_ratio(), F(4, 2).is_integer(), bool(F(0)), F.from_float(0.25))
print(f'{F(1, 3):.5f}', f'{F(2, 3):10.3e}', f'{F(1, 8):%}', f'{F(22, 7):g}', f'{F(-1, 3)}', format(F(1234567, 10), ',.2f'))
for bad in [lambda: F(1, 0), lambda: F('abc'), lambda: F(1.5, 2), lambda: F([1]), lambda: F(1) / 0, lambda: F(float('inf'))]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
