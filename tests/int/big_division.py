# Floor division and modulo of big ints, with all sign combinations.
a = 10 ** 30 + 7
b = 12345678901
for x, y in [(a, b), (-a, b), (a, -b), (-a, -b)]:
    q, r = divmod(x, y)
    print(q, r, x // y, x % y, q * y + r == x)
print(divmod(2 ** 200, 2 ** 100 + 1))
print((2 ** 64) // 3, (2 ** 64) % 3)
print(-(2 ** 64) // 3, -(2 ** 64) % 3)
