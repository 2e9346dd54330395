# Python code run by an operation (__eq__, __index__, an iterator) may change the array being
# worked on: searches stop at the new end, slices use the new size, nothing reads freed memory.
import array

a = array.array('i', range(10))

class Shrink:
    def __index__(self):
        del a[:]
        return 1

class EqMut:
    def __eq__(self, other):
        del a[:]
        return False

def t(label, f):
    a[:] = array.array('i', range(10))
    try:
        print(label, repr(f()), a)
    except Exception as e:
        print(label, type(e).__name__, e, a)

t('count', lambda: a.count(EqMut()))
t('index', lambda: a.index(EqMut()))
t('remove', lambda: a.remove(EqMut()))
t('contains', lambda: EqMut() in a)
t('slice', lambda: a[slice(0, Shrink())])
t('slice assign', lambda: a.__setitem__(slice(0, Shrink()), array.array('i', [1, 2, 3])))
t('slice delete', lambda: a.__delitem__(slice(Shrink(), 8, 2)))
t('index start', lambda: a.index(5, Shrink()))
t('pop index', lambda: a.pop(Shrink()))
lst = [1, 2, 3]

class ListMut:
    def __index__(self):
        lst.clear()
        return 1

lst.insert(0, ListMut())
t('init from shrinking list', lambda: array.array('i', lst))
x = array.array('d', [1.0])

class Grow:
    n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        x.extend([2.0] * 100)
        return 1.0

x.extend(Grow())
print(len(x), x.count(1.0))
y = array.array('h', range(100))
y[::7] = y[::7]
y[10:20] = y
del y[::-1]
print(len(y))
