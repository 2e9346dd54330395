# Float presentation types: e E f F g G n % and none, with precision.
vals = (0.0, 1.0, 123.456, 1e-7, 1e16, 12345678.9, float("inf"), float("nan"), -2.5)
for v in vals:
    print(format(v, "e"), format(v, ".2E"), format(v, "f"), format(v, ".1F"), format(v, "g"), format(v, ".3G"), format(v, "%"), format(v, ".1%"), format(v, ""), format(v, ".3"))
for spec in ("d", "x", "c", "s"):
    try:
        format(1.5, spec)
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
