# The loop variable keeps its last value; the range is evaluated once.
for i in range(3):
    pass
print(i)
n = 3
for i in range(n):
    n = 100
print(i, n)
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
print(items)
