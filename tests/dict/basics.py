# dict construction, lookup, insertion order, len, repr.
d = {"b": 1, "a": 2, 3: "three", (1, 2): "tuple"}
print(d, len(d), d["a"], d[3], d[(1, 2)])
d["c"] = 4; d["b"] = 10
print(d, list(d))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, z=0), dict(), {})
print(dict(zip("abc", range(3))), {1: "int", 1.0: "float", True: "bool"})
print("a" in d, "zz" in d, 10 in d, {1: {2: {3: 4}}}[1][2][3])
