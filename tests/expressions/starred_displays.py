# Starred items in list/tuple/set/dict displays.
a = [1, 2]; b = (3, 4); d1 = {"x": 1}; d2 = {"y": 2, "x": 0}
print([*a, *b], (*a, *b), (*a,), {*a, *b}, [*"hi", *range(2)], [*[], 0])
print({**d1, **d2}, {**d2, **d1}, {"z": 9, **d1}, {**{}})
first, *_ = [*a, *b]
print(first)
try:
    [*None]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {**[1]}
except TypeError as e:
    print(type(e).__name__, e)
