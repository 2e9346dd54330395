# math.prod with start values and mixed types; math.sumprod (new in 3.12).
import math
from fractions import Fraction
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)) == math.factorial(20))
print(math.prod([2, 0.5]), math.prod([Fraction(1, 2), Fraction(2, 3)]), math.prod([3], start=10), math.prod(["ab"], start=2))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([], []), math.sumprod([0.1] * 10, [1] * 10), math.sumprod([1, 2], [0.5, 0.25]))
for f, args in ((math.prod, (None,)), (math.prod, ([1, "a", 2],)), (math.sumprod, ([1, 2], [3])), (math.sumprod, ([1], ["x"]))):
    try:
        print(f(*args))
    except (TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)
