# index (with start/stop), count, remove and their not-found errors.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a = array.array('h', [3, 1, 4, 1, 5, 9, 2, 6, 5, 3])
print(a.index(1), a.index(1, 2), a.index(5, -3), a.index(3, 1, 100), a.index(1, -100, 4))
print(a.count(5), a.count(7), a.count(1.0), a.count('1'))
print(a.index(True), a.index(4.0))
t('index missing', lambda: a.index(7))
t('index stop', lambda: a.index(9, 0, 5))
t('index start past', lambda: a.index(3, 10))
t('index huge bounds', lambda: a.index(6, -2 ** 100, 2 ** 100))
t('index str start', lambda: a.index(1, 'x'))
t('index float stop', lambda: a.index(1, 0, 2.0))
t('index no args', lambda: a.index())
t('index 4 args', lambda: a.index(1, 2, 3, 4))
t('index kw', lambda: a.index(1, start=0))
t('index str', lambda: a.index('a'))
a.remove(1)
a.remove(5)
print(a)
t('remove missing', lambda: a.remove(42))
t('remove str', lambda: a.remove('3'))
t('count no args', lambda: a.count())
e = array.array('d')
t('index empty', lambda: e.index(0))
t('remove empty', lambda: e.remove(0))
