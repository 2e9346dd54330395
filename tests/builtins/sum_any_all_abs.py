# sum (with start), any, all, abs.
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 3), sum([[1], [2]], []), sum(range(101)), sum([], start=5), sum([1.5, 2]))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a"]), all([1, 0]), any(x > 5 for x in range(10)))
print(abs(-5), abs(5.5), abs(-0.0), abs(-2 ** 100), abs(True), abs(3 + 4j))
for bad in ("sum(['a', 'b'], '')", "sum([1, 'a'])", "sum(5)", "any(5)"):
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", type(e).__name__, e)
