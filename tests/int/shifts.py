# Left/right shifts, including big and negative values.
print(1 << 0, 1 << 10, 1 << 100)
print(255 >> 4, -255 >> 4, -1 >> 100, 1 >> 100)
print((2 ** 100) >> 90, -(2 ** 100) >> 90)
print(5 << 64)
for expr in ("1 << -1", "1 >> -1"):
    try:
        eval(expr)
    except ValueError as e:
        print(expr, type(e).__name__, e)
