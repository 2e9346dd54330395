# What each kind of typecode accepts: __index__ for integers, __float__/__index__ for floats,
# one-character str for 'u'; the TypeError otherwise.
import array

class Idx:
    def __index__(self):
        return 7

class Flt:
    def __float__(self):
        return 2.5

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for tc in 'bBhHiIlLqQ':
    t(tc + ' index', lambda: array.array(tc, [Idx(), True, False]))
    t(tc + ' float', lambda: array.array(tc, [1.0]))
    t(tc + ' str', lambda: array.array(tc, ['1']))
    t(tc + ' None', lambda: array.array(tc, [None]))
    t(tc + ' __float__', lambda: array.array(tc, [Flt()]))
for tc in 'fd':
    t(tc + ' mixed', lambda: array.array(tc, [1, 2.5, True, Idx(), Flt()]))
    t(tc + ' str', lambda: array.array(tc, ['1.0']))
    t(tc + ' None', lambda: array.array(tc, [None]))
    t(tc + ' big int', lambda: array.array(tc, [10 ** 400]))
    t(tc + ' complex', lambda: array.array(tc, [1j]))
t('u int', lambda: array.array('u', [65]))
t('u two chars', lambda: array.array('u', ['ab']))
t('u empty', lambda: array.array('u', ['']))
t('u bytes', lambda: array.array('u', [b'a']))
a = array.array('i', [0])
t('setitem str', lambda: a.__setitem__(0, 'x'))
t('setitem big', lambda: a.__setitem__(0, 2 ** 40))
print(a)
