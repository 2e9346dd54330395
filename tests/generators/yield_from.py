# yield from delegates to a sub-generator and returns its value.
def inner():
    yield 1
    yield 2
    return "inner result"
def outer():
    result = yield from inner()
    yield result
    yield from [10, 20]
    yield from "ab"
print(list(outer()))
def flatten(items):
    for it in items:
        if isinstance(it, list):
            yield from flatten(it)
        else:
            yield it
print(list(flatten([1, [2, [3, 4]], [[5]]])))
def echo():
    while True:
        x = yield
        print("echo got", x)
def delegator():
    yield from echo()
d = delegator()
next(d)
d.send("hello")
d.send("world")
