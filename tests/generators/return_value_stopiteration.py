# A generator's return value travels in StopIteration.value; for loops and list() discard it.
def with_return():
    yield 1
    return {"status": "done"}
def bare_return():
    yield 1
    return
def no_return():
    yield 1
for gen in (with_return, bare_return, no_return):
    g = gen()
    next(g)
    try:
        next(g)
    except StopIteration as e:
        print(gen.__name__, repr(e.value), e.args)
print(list(with_return()))
def returns_tuple():
    return (1, 2)
    yield
g = returns_tuple()
try:
    next(g)
except StopIteration as e:
    print("tuple value", e.value, e.args)
def returns_stopiteration_value():
    return StopIteration("nested")
    yield
try:
    next(returns_stopiteration_value())
except StopIteration as e:
    print(type(e.value).__name__, e.value)
def collector():
    results = []
    while True:
        item = yield
        if item is None:
            return results
        results.append(item * 2)
c = collector()
next(c)
for x in (1, 2, 3):
    c.send(x)
try:
    c.send(None)
except StopIteration as e:
    print("collected", e.value)
print(StopIteration(7).value, StopIteration().value, StopIteration(1, 2).value)
