# Slice assignment takes arrays of the same typecode only; resizing simple slices, extended
# slices of equal length, deletion (simple and extended), self-assignment.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

A = array.array
a = A('i', range(10))
a[2:4] = A('i', [20, 30, 31, 32])
print(a)
a[1:6] = A('i')
print(a)
a[0:0] = A('i', [-1])
print(a)
a[::2] = A('i', [0] * len(a[::2]))
print(a)
a[::-3] = A('i', [7] * len(a[::-3]))
print(a)
del a[::3]
print(a)
del a[::-2]
print(a)
del a[1:3]
print(a)
a = A('b', range(6))
a[2:4] = a
print(a)
a[::2] = a[1::2]
print(a)
a[len(a):] = A('b', [9])
a[5:1] = A('b', [8, 8])
print(a)
del a[::-1]
print(a)
a = A('i', [1, 2, 3])
t('list', lambda: a.__setitem__(slice(0, 1), [5]))
t('int', lambda: a.__setitem__(slice(0, 1), 5))
t('bytes', lambda: a.__setitem__(slice(0, 1), b'\x00\x00\x00\x00'))
t('other typecode', lambda: a.__setitem__(slice(0, 1), A('l', [5])))
t('extended size', lambda: a.__setitem__(slice(None, None, 2), A('i', [1, 2, 3])))
t('extended empty', lambda: a.__setitem__(slice(None, None, 2), A('i')))
t('step zero', lambda: a.__setitem__(slice(None, None, 0), A('i')))
t('bad slice index', lambda: a.__setitem__(slice('a', None), A('i')))
print(a)
