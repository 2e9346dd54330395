# del, len and membership after changes.
d = dict.fromkeys(range(10), "v")
for i in range(0, 10, 2):
    del d[i]
print(d, len(d), 4 in d, 5 in d)
d.clear()
print(d, bool(d), bool({0: 0}))
