# range construction and indexing errors.
for args in ((1, 2, 0), (1.5,), ("a",), ()):
    try:
        range(*args)
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
try:
    range(3)[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(3).index(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(3)[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
