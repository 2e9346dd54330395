# __copy__/__deepcopy__ (and the copy module) make independent exact arrays; __sizeof__ follows
# CPython's allocation (exact for sized initializers, over-allocated when growing).
import array, copy

class Sub(array.array):
    pass

a = array.array('i', [1, 2])
c = copy.copy(a)
d = copy.deepcopy(a)
c[0] = 9
print(a, c, d, c is a, a.__copy__(), a.__deepcopy__({}))
s = Sub('d', [1.0])
s.x = 1
print(type(copy.copy(s)).__name__, type(copy.deepcopy(s)).__name__, type(s.__copy__()).__name__)
print(hasattr(copy.copy(s), 'x'))
base = array.array('i').__sizeof__()
print(base > 0)
print([array.array(tc, [0] * 3).__sizeof__() - base for tc in 'bhiqd'])
g = array.array('i')
sizes = []
for i in range(20):
    g.append(i)
    sizes.append(g.__sizeof__() - base)
print(sizes)
print(array.array('i', b'\x00' * 12).__sizeof__() - base, array.array('u', 'abc').__sizeof__() - base)
for call in (lambda: a.__copy__(1), lambda: a.__deepcopy__(), lambda: a.__sizeof__(1)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
