# Dict and set comprehensions.
words = ["apple", "bob", "kayak", "level", "python"]
print({w: len(w) for w in words}, {w[0] for w in words} == {"a", "b", "k", "l", "p"})
print({k: v for k, v in zip("abc", range(3)) if v}, {i % 3 for i in range(10)})
print({v: k for k, v in {"a": 1, "b": 2}.items()}, sorted({w for w in words if w == w[::-1]}))
print({(x, y): x * y for x in range(2) for y in range(2)})
