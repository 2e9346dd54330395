# Closures and higher-order functions: map, filter, lambdas, nested scopes.
def make_adder(n):
    def add(x):
        return x + n
    return add


def compose(f, g):
    return lambda x: f(g(x))


def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


def run(n):
    adders = [make_adder(i) for i in range(10)]
    double_then_add = compose(adders[3], lambda x: x * 2)
    inc = counter()
    total = 0
    for i in range(n):
        total += adders[i % 10](i) + double_then_add(i % 100)
        inc()
    evens = list(filter(lambda x: x % 2 == 0, map(lambda x: x * 3, range(n // 10))))
    return total, inc(), len(evens), sum(evens)


print("checksum", run(1_500_000))
