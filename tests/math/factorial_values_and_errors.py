# factorial of small and large ints; negative and non-integral arguments are errors.
import math
print([math.factorial(n) for n in range(11)])
print(math.factorial(25), len(str(math.factorial(1000))), math.factorial(True))
print(str(math.factorial(100))[:20], math.factorial(100) % (10 ** 24))
for arg in (-1, -100, 2.5, 5.0, "5", None, 10 ** 100):
    try:
        math.factorial(arg)
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(arg) if len(repr(arg)) < 20 else "10**100", type(e).__name__, e)
