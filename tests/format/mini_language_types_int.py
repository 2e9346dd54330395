# Integer presentation types: b c d o x X n and none.
for v in (0, 10, 255, -255, 2 ** 70):
    print(format(v, "b"), format(v, "d"), format(v, "o"), format(v, "x"), format(v, "X"), format(v, "n"), format(v, ""))
print(format(65, "c"), format(0x1F600, "c"), format(10, "%"), format(10, "e"), format(10, "f"), format(10, "g"))
for spec in ("s", ".2d", "c "):
    try:
        format(10, spec)
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
try:
    format(-1, "c")
except OverflowError as e:
    print(type(e).__name__, e)
