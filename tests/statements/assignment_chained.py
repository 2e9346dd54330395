# Chained assignment binds every target to the same object, left to right.
a = b = c = []
a.append(1)
print(a, b, c, a is b is c)
x = y = 5
x += 1
print(x, y)
d = {}
d["k"] = d["j"] = 0
print(d)
i, j = k = (1, 2)
print(i, j, k)
