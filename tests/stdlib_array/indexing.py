# Item access, assignment and deletion by integer index, with the IndexError/TypeError messages.
import array

class Idx:
    def __index__(self):
        return 1

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a = array.array('l', [10, 20, 30, 40])
print(a[0], a[-1], a[Idx()], a[True])
a[0] = 11
a[-1] = 44
a[Idx()] = 22
del a[2]
print(a)
del a[-1]
print(a, len(a))
t('get out of range', lambda: a[2])
t('get negative out of range', lambda: a[-3])
t('get huge', lambda: a[2 ** 100])
t('get float', lambda: a[1.0])
t('get str', lambda: a['0'])
t('get None', lambda: a[None])
t('set out of range', lambda: a.__setitem__(5, 1))
t('set huge', lambda: a.__setitem__(-2 ** 100, 1))
t('set float index', lambda: a.__setitem__(0.0, 1))
t('set bad value', lambda: a.__setitem__(0, 1.5))
t('del out of range', lambda: a.__delitem__(2))
t('del str', lambda: a.__delitem__('x'))
print(a)
