# Logarithms and exponentials with exactly representable or well-known results.
import math
print(math.exp(0), math.log(1), math.log(math.e), math.log2(8), math.log10(0.001), math.log(8, 2), math.log(100, 10))
print(math.log2(2 ** 1000), math.log10(10 ** 50), math.log(1024, 4), math.exp2(10), math.exp2(-1))
print(math.expm1(0.0), math.log1p(0.0), math.expm1(1e-10), math.log1p(1e-10))
print(math.pow(2, 0.5) == math.sqrt(2), math.pow(4, 0.5), math.pow(-2, 3), math.pow(1, math.inf), math.pow(2, -1))
print(math.cbrt(64), math.cbrt(-8), math.sqrt(0.25), math.sqrt(-0.0), math.sqrt(2 ** 100))
print(type(math.pow(2, 3)).__name__, type(math.sqrt(4)).__name__, 2 ** 0.5 == math.sqrt(2))
