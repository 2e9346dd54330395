# fsum is exactly rounded where sum() accumulates error; special values and overflow.
import math
data = [0.1] * 10
print(sum(data), math.fsum(data), math.fsum(data) == 1.0)
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), sum([1e100, 1.0, -1e100]))
print(math.fsum([]), math.fsum(range(5)), math.fsum([1, 2.5, True]), math.fsum(iter([0.5, 0.25])))
print(math.fsum([float("inf"), 1.0]), math.fsum([float("-inf"), -1.0]), math.fsum([float("nan"), 1.0]))
print(math.fsum([2.0 ** 53, 1.0, 1.0]), sum([2.0 ** 53, 1.0, 1.0]))
for data in ([float("inf"), float("-inf")], [1e308, 1e308], ["a"], [1, None], 5):
    try:
        print(math.fsum(data))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
