# frozenset is immutable and hashable.
f = frozenset([3, 1, 2])
print(f, frozenset(), len(f), 2 in f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__)
d = {f: "frozen"}
print(d[frozenset({1, 2, 3})], f == {1, 2, 3}, hash(f) == hash(frozenset([1, 2, 3])))
print({frozenset({1}), frozenset({1})})
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
