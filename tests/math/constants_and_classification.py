# Constants and float classification: isinf/isnan/isfinite, copysign, fabs, modf, frexp, ldexp.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.nan).__name__)
print(math.tau == 2 * math.pi, math.inf > 1e308, math.nan == math.nan, math.isnan(math.nan))
for x in (0.0, -0.0, 1.5, math.inf, -math.inf, math.nan, 10 ** 400, 5):
    try:
        print(repr(x) if not isinstance(x, int) or x < 10 ** 10 else "10**400", math.isinf(x), math.isnan(x), math.isfinite(x))
    except OverflowError as e:
        print("10**400", type(e).__name__, e)
print(math.copysign(1, -0.0), math.copysign(-3, 2), math.copysign(5, math.nan) > 0, math.fabs(-0.0), math.fabs(-7))
print(math.modf(3.75), math.modf(-2.5), math.modf(math.inf), math.frexp(8.0), math.frexp(0.1), math.frexp(0.0))
print(math.ldexp(0.5, 4), math.ldexp(3, -1), math.ulp(1.0) == 2 ** -52, math.nextafter(1.0, 2.0) - 1.0 == 2 ** -52)
print(math.remainder(10, 3), math.remainder(11, 3), math.fmod(-10, 3), -10 % 3, math.fmod(10, -3))
