# float() parsing and its errors.
print(float("1.5"), float("  -2.5e3 "), float("1_000.5"), float("+.5"), float("5."), float(" 1e-3\n"))
print(float(3), float(2 ** 80), float(True), float())
for bad in ("x", "", "1.2.3", "1e", "1__0", "0x10", "in f", "1,5"):
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in (None, [1.0], "1" * 0 or object):
    try:
        float(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
