# // and % follow the sign of the divisor (floor semantics).
for x in (7, -7):
    for y in (2, -2):
        print(x, y, x // y, x % y, divmod(x, y))
print(0 // 5, 0 % -5)
print(-1 // 10, -1 % 10)
print(1 // -10, 1 % -10)
