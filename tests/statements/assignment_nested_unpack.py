# Nested and starred unpacking targets, including in for loops.
(a, b), [c, *d], e = (1, 2), [3, 4, 5], "e"
print(a, b, c, d, e)
[x, [y, [z]]] = 1, (2, "3")
print(x, y, z)
for (k, v), n in zip({"a": 1, "b": 2}.items(), range(2)):
    print(k, v, n)
lst = [0, 0, 0]
lst[0], lst[2] = "first", "last"
print(lst)
i = 0
i, lst[i] = 1, "x"
print(i, lst)
*a, = "abc"
print(a)
