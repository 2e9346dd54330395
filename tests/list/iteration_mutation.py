# Iterating while mutating, and common idioms.
a = [1, 2, 3, 4, 5, 6]
for x in a[:]:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [x for x in range(10) if x % 3]
print(b, list(reversed(b)), b[::-1] == list(reversed(b)))
for i, x in enumerate(["a", "b"], start=1):
    print(i, x)
print(list(zip([1, 2, 3], "ab")), [sum(p) for p in zip([1, 2], [10, 20])])
