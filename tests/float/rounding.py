# round() uses banker's rounding; ndigits rounds to decimal places.
for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 0.125, 1e20):
    print(x, round(x), round(x, 1), round(x, 2), type(round(x)).__name__)
print(round(1234.5678, -2), round(15, -1), round(25, -1), round(-25, -1), round(12345, -2))
print(round(7), round(7, 0), round(7.0, 0), type(round(7, 0)).__name__)
print(round(2 ** 80 + 5, -1))
for bad in (float("inf"), float("nan")):
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2))
