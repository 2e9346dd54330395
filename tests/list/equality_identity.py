# == compares contents, is compares identity.
a = [1, [2, 3]]
b = [1, [2, 3]]
print(a == b, a is b, a[1] == b[1], a[1] is b[1])
c = a
c.append(4)
print(a, a is c)
print([float("nan")] == [float("nan")])
n = float("nan"); print([n] == [n])
