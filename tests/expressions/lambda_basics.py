# lambda expressions.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(4), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, x=2))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2])), sq.__name__, (lambda: 0).__name__)
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
