# list construction, indexing, len, repr.
a = [1, "two", 3.0, None, [5]]
print(a, len(a), a[0], a[-1], a[-1][0], list(), list("abc"), list(range(3)), list((1, 2)))
print([], [[]], [1, [2, [3, [4]]]], repr([1, "a", 'b"c']))
print(a.__len__(), type(a).__name__, [1, 2] == [1, 2], [1, 2] != [2, 1])
