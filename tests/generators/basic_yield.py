# Generator functions produce values lazily.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    print("generator done")
g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(count_up(2)), sum(count_up(5)))
