# list.sort and sorted: stable, key, reverse.
a = [5, 2, 8, 1, 9, 2]
a.sort(); print(a)
a.sort(reverse=True); print(a)
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs), sorted("hello"), sorted({3: 0, 1: 0}), sorted((2.5, 1, -3)))
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=1)
except TypeError as e:
    print(type(e).__name__, e)
print(a.sort() is None)
