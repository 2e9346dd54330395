# yield from forwards send() to the subgenerator and evaluates to its return value.
def inner(tag):
    total = 0
    while True:
        x = yield f"{tag}:{total}"
        if x is None:
            return total
        print(f"  inner {tag} got {x}")
        total += x
def outer():
    a = yield from inner("A")
    print("  A returned", a)
    b = yield from inner("B")
    print("  B returned", b)
    return a + b
g = outer()
print(next(g))
print(g.send(1), g.send(2))
print(g.send(None))
print(g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("outer returned", e.value)
def chain(*subs):
    results = []
    for s in subs:
        results.append((yield from s))
    return results
def short(n):
    yield n
    return n * 100
c = chain(short(1), short(2), iter([7, 8]))
print(list_out := [next(c), next(c), next(c), next(c)])
try:
    next(c)
except StopIteration as e:
    print(e.value)
