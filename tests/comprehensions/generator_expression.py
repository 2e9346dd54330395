# Generator expressions are lazy and single-use.
g = (x * 2 for x in range(4))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc"]), any(x > 8 for x in range(10)))
def noisy(n):
    for i in range(n):
        print("producing", i)
        yield i
lazy = (v + 100 for v in noisy(3))
print("created")
print(next(lazy))
print(list(lazy))
print(",".join(str(i) for i in range(3)))
