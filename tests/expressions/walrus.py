# Assignment expressions (:=).
data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10], y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((z := 5) + z, z)
def f():
    return [(last := w) for w in "abc"], last
print(f())
print([j := 10, j * 2])
