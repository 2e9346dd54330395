# Integer powers, negative exponents, three-argument pow.
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(2 ** -1, 10 ** -3, (-2) ** -2)
print(-2 ** 2, (-2) ** 2)
print(2 ** 3 ** 2)
print(pow(2, 100), pow(2, 100, 1000), pow(3, 200, 10 ** 9 + 7))
print(pow(-3, 3, 7), pow(3, 3, -7))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11))
for args in [(2, -1, 4), (2, 3, 0), (2.0, 3, 4)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
