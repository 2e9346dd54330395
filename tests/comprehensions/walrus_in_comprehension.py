# := inside comprehensions binds in the containing scope.
data = [3, 8, 1, 9]
big = [last := x for x in data if x > 2]
print(big, last)
running = 0
sums = [running := running + x for x in data]
print(sums, running)
