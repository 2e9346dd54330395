# Comparisons between ints, big ints, floats and bools.
print(1 < 2, 2 < 1, 1 == 1.0, 2 ** 60 == 2.0 ** 60)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(True == 1, False == 0, True + True)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 == 1.0)
print(max(3, 10 ** 20, -5), min(3, 10 ** 20, -5))
