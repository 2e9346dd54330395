# Insertion order is kept; deleting and re-inserting moves a key to the end.
d = {}
for w in ["pear", "apple", "fig", "apple", "kiwi"]:
    d[w] = d.get(w, 0) + 1
print(d)
del d["pear"]; d["pear"] = 1
print(d, list(d.values()))
d["fig"] = 100
print(list(d.items()))
