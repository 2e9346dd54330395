# `in`, iteration, the arrayiterator type with __reduce__/__setstate__, and iterating while the
# array grows or shrinks.
import array

a = array.array('i', [1, 2, 3])
print(2 in a, 5 in a, 2.0 in a, 'a' in a, None in a)
print(list(a), [x * 2 for x in a], sum(a), sorted(a, reverse=True), list(reversed(a)))
it = iter(a)
print(type(it).__name__, type(it).__module__, iter(it) is it)
print(next(it), it.__reduce__()[1:], it.__reduce__()[0] is iter)
it.__setstate__(0)
print(list(it))
print(it.__reduce__()[0] is iter, it.__reduce__()[1])
it2 = iter(a)
it2.__setstate__(-5)
print(next(it2))
it2.__setstate__(100)
print(list(it2))
try:
    iter(a).__setstate__('x')
except TypeError as e:
    print(type(e).__name__, e)
b = array.array('h', [1, 2])
out = []
for x in b:
    out.append(x)
    if x < 4:
        b.append(x + 2)
print(out, b)
c = array.array('h', [1, 2, 3, 4])
out = []
for x in c:
    out.append(x)
    del c[-1]
print(out, c)
