# int() errors carry CPython's messages.
cases = [("x",), ("",), ("1.5",), ("12", 2), ("0x10",), ("1__0",), ("_1",), ("10", 1), ("10", 37), ("010", 0), (" ",)]
for args in cases:
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(repr(args), type(e).__name__, e)
for bad in (None, [1], 1j):
    try:
        int(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int(12, 10)
except TypeError as e:
    print(type(e).__name__, e)
for f in (float("inf"), float("nan")):
    try:
        int(f)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
