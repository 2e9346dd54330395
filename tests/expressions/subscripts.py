# Subscript read, assign and delete on lists and dicts, including nested and negative indices.
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][2], m[-1][-1], m[0][::-1])
m[0][1] = 20
m[1][::2] = [40, 60]
print(m)
d = {"a": {"b": [1, 2]}}
d["a"]["b"][0] = 100
d["a"]["c"] = 3
del d["a"]["b"][1]
print(d)
t = (1, [2, 3])
t[1][0] = 99
print(t)
