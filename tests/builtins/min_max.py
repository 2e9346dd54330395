# min and max with key, default and errors.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a", "c"), max([1, 2], [1, 3]))
print(max(["aa", "b", "cccc"], key=len), min([-5, 3], key=abs), max([], default="empty"), min((), default=None))
print(max([1, 1.0]), max([1.0, 1]), max(2, 2.0), min([3, 1, 1.0]))
for bad in ("max([])", "min(())", "max(1)", "min(1, 2, default=0)", "max('a', 1)", "min()"):
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(bad, "->", type(e).__name__, e)
