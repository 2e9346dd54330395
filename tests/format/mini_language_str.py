# String presentation: s, precision truncation, errors.
print(format("hello", "s"), format("hello", ".2"), format("hello", "10.3"), format("hello", ">8.4"), "[" + format("", "5") + "]")
for spec in ("d", "+", "#", "=5", ",", "05"):
    try:
        print(repr(spec), format("abc", spec))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
