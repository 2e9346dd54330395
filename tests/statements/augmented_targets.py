# Augmented assignment on names, subscripts, slices and attributes.
import types
n = 1
n += 1
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 2
lst[1:2] += ["x"]
d = {"k": 1}
d["k"] -= 5
d.setdefault("list", []).append(1)
d["list"] += [2]
ns = types.SimpleNamespace(v=10)
ns.v //= 3
ns.v **= 2
s = "ab"
s *= 2
print(n, lst, d, ns.v, s)
def key():
    print("key evaluated once")
    return "k"
d[key()] += 1
print(d["k"])
