# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2, (-3) ** 2, 2 ** -1, 10 - 4 - 3, 100 / 10 / 5)
print(7 // 2 * 2 + 7 % 2, 1 + 2 << 1, 1 | 2 ^ 3 & 4, ~1 + 1, not 1 + 1 == 3)
print(3 - -3, 3 + +3, - - 3, 1 - 2 - 3 - 4, 2 ** 2 ** 3, (2 ** 2) ** 3)
print(1 < 2 == True, (1 < 2) == True, 1 + 1 if 0 else 2 + 2)
