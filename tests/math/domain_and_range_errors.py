# "math domain error" and "math range error" for invalid or overflowing arguments.
import math
cases = [("sqrt", -1), ("log", 0), ("log", -1.5), ("log10", 0), ("log2", -2), ("acos", 2), ("asin", -1.5),
         ("atanh", 1), ("acosh", 0.5), ("log1p", -1), ("gamma", 0), ("gamma", -2), ("lgamma", -1),
         ("exp", 1000), ("cosh", 1000), ("sinh", 1000), ("pow", (0, -1)), ("pow", (-8, 1 / 3)),
         ("fmod", (1, 0)), ("ldexp", (1.0, 5000)), ("sqrt", float("-inf")), ("exp", float("nan"))]
for name, arg in cases:
    args = arg if isinstance(arg, tuple) else (arg,)
    try:
        print(name, args, "->", getattr(math, name)(*args))
    except (ValueError, OverflowError) as e:
        print(name, args, type(e).__name__, e)
print(math.log(10 ** 400) > 921, math.sqrt(10 ** 400 // 10 ** 300), math.log(2 ** 1100, 2))
try:
    math.sqrt(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.log(1, 1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
