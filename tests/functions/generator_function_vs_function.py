# A def containing yield returns a generator when called.
def gen():
    print("body runs lazily")
    yield 1
def fn():
    return 1
g = gen()
print(type(g).__name__, type(fn()).__name__)
print(next(g))
