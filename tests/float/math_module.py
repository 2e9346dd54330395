# A few math functions (results exactly representable or well defined).
import math
print(math.sqrt(16), math.sqrt(2), math.pi, math.e, math.tau, math.inf)
print(math.floor(-0.5), math.ceil(-0.5), math.fabs(-3), math.pow(2, 10))
print(math.gcd(12, 18), math.gcd(2 ** 100, 6 ** 50), math.lcm(4, 6), math.factorial(20))
print(math.isclose(0.1 + 0.2, 0.3), math.copysign(3, -0.0), math.hypot(3, 4))
print(math.comb(10, 3), math.perm(5, 2), math.isqrt(10 ** 20 + 1), math.log2(1024), math.log10(1000))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
for f, arg in ((math.sqrt, -1), (math.log, 0), (math.factorial, -1), (math.factorial, 2.5)):
    try:
        f(arg)
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
