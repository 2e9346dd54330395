# PEP 479: a StopIteration escaping a generator body becomes RuntimeError with it as __cause__.
def leaks_next():
    it = iter([1])
    while True:
        yield next(it)
try:
    print(list(leaks_next()))
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, "| context is cause:", e.__context__ is e.__cause__)
def explicit():
    yield "first"
    raise StopIteration("explicit value")
g = explicit()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
print(next(g, "generator is finished"))
def subclass_too():
    class MyStop(StopIteration): pass
    yield 1
    raise MyStop
try:
    list(subclass_too())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def safe():
    it = iter([1, 2])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return "clean return"
print(list(safe()))
def in_genexpr():
    return list(next(iter([])) if x else x for x in [0, 1])
try:
    in_genexpr()
except RuntimeError as e:
    print("genexpr:", type(e).__name__, e)
