# sorted() and reversed().
print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}), sorted([]))
print(sorted(["bb", "a", "ccc"], key=len), sorted([-3, 2, -1], key=abs), sorted([(1, "b"), (1, "a")], key=lambda t: t[0]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
for bad in (lambda: reversed({1, 2}), lambda: reversed(iter([1])), lambda: sorted([1], 5)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
