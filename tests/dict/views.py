# keys(), values(), items() are live views.
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["c"] = 3
print(list(k), list(v), list(it), len(k), "a" in k, 2 in v, ("b", 2) in it)
print(k & {"a", "z"} == {"a"}, sorted(k | {"q"}), sorted(k - {"a"}), it & {("a", 1)} == {("a", 1)})
print(list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
print(d.keys() == {"a", "b", "c"}, d.values() == d.values())
for key, val in d.items():
    print(key, val, end="; ")
print()
try:
    for key in d:
        d["new"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
