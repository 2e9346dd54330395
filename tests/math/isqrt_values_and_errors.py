# isqrt: exact integer square root for any size; negatives and floats are errors.
import math
print([math.isqrt(n) for n in range(17)])
for n in (10 ** 20, 10 ** 20 - 1, 2 ** 127, 12345678987654321, (10 ** 50 + 7) ** 2, (10 ** 50 + 7) ** 2 - 1):
    r = math.isqrt(n)
    print(r, r * r <= n < (r + 1) * (r + 1))
print(math.isqrt(True), type(math.isqrt(9)).__name__)
for arg in (-1, -(10 ** 30), 4.0, "16", None):
    try:
        math.isqrt(arg)
    except (ValueError, TypeError) as e:
        print(repr(arg), type(e).__name__, e)
