# Mixed int/float arithmetic promotes to float.
print(1 + 2.0, 3 * 0.5, 7 - 0.5, 2 ** 0.5, 4 ** -0.5, 10 // 3.0, 10 % 3.0, -10 // 3.0, -10 % 3.0)
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 // -2, 7.5 % -2)
print(type(1 + 1.0).__name__, 3 == 3.0, hash(3) == hash(3.0))
print(2 ** 1023 * 1.0, 1e308 * 10)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print((-8) ** (1 / 3))
except ValueError as e:
    print(type(e).__name__, e)
print(0.1 * 3, 0.1 * 3 == 0.3)
