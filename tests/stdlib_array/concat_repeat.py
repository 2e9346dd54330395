# +, *, += and *= (results are array.array; arrays of one typecode only) and their errors.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

A = array.array
a = A('h', [1, 2])
print(a + A('h', [3]), a * 3, 3 * a, a * 0, a * -2, A('h') * 5, a + A('h'))
b = a
b += A('h', [7])
print(a, b is a)
b *= 2
print(a, b is a)
b *= 1
print(a)
b *= 0
print(a, b is a)
c = A('d', [0.5])
c *= -1
print(c)
t('add list', lambda: a + [1])
t('radd list', lambda: [1] + a)
t('add other typecode', lambda: a + A('i', [1]))
t('add int', lambda: a + 1)
t('mul str', lambda: a * 'x')
t('mul float', lambda: a * 1.5)
t('mul huge', lambda: A('i', [1, 2]) * (2 ** 62))
t('mul overflow', lambda: a * (2 ** 100))

def iadd(x, y):
    x += y
    return x

def imul(x, y):
    x *= y
    return x

t('iadd list', lambda: iadd(A('i'), [1]))
t('iadd tuple', lambda: iadd(A('i'), (1,)))
t('iadd other typecode', lambda: iadd(A('i'), A('I')))
t('imul str', lambda: imul(A('i', [1]), 'x'))
t('imul float', lambda: imul(A('i', [1]), 2.0))
t('imul huge', lambda: imul(A('i', [1, 2]), 2 ** 62))
