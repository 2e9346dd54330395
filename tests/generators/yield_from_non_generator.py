# yield from over plain iterators: values pass through, send(non-None) needs a send method.
def over_list():
    r = yield from [1, 2]
    print("  result of yield from list:", r)
    yield from range(3, 5)
    yield from {"k": 1}
    yield from (c for c in "xy")
print(list(over_list()))
g = over_list()
next(g)
print(g.send(None))
g = over_list()
next(g)
try:
    g.send("value")
except AttributeError as e:
    print(type(e).__name__, e)
def bad():
    yield from 5
try:
    next(bad())
except TypeError as e:
    print(type(e).__name__, e)
def bad_none():
    yield from None
try:
    list(bad_none())
except TypeError as e:
    print(type(e).__name__, e)
g = over_list()
next(g)
try:
    g.throw(IndexError("thrown into list iterator"))
except IndexError as e:
    print(type(e).__name__, e)
