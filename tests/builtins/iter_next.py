# iter() and next(), including the sentinel form and defaults.
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
values = [3, 2, 1, 0, 5]
pos = -1
def reader():
    global pos
    pos += 1
    return values[pos]
print(list(iter(reader, 0)))
print(iter(it) is it, list(iter("ab")), list(iter({"k": 1})))
for bad in (lambda: iter(5), lambda: next([1]), lambda: iter(5, 0)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
