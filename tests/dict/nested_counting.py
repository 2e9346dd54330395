# Building nested dicts: grouping and counting.
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
lengths = {w: len(w) for w in words if len(w) > 5}
print(lengths)
inverted = {}
for w, n in lengths.items():
    inverted.setdefault(n, []).append(w)
print(dict(sorted(inverted.items())))
