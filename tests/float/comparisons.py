# Float comparisons, including exact comparisons with big ints.
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-12)
print(1.0 < 2, 2 <= 2.0, 3.5 > 3, -0.0 == 0.0, -0.0 < 0.0)
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(sorted([3.5, -1, 2, 0.0, 10 ** 20, -2.5]))
print(float("inf") > 10 ** 1000, float("-inf") < -(10 ** 1000))
