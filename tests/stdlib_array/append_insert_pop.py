# append, insert (clamped positions) and pop (default last, negative indices) with their errors.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a = array.array('i')
a.append(1)
a.append(2)
a.insert(0, 0)
a.insert(-1, 9)
a.insert(100, 5)
a.insert(-100, -5)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
t('pop out of range', lambda: a.pop(10))
t('pop negative out of range', lambda: a.pop(-10))
t('pop str', lambda: a.pop('1'))
t('pop float', lambda: a.pop(1.0))
t('pop huge', lambda: a.pop(2 ** 70))
t('pop empty', lambda: array.array('d').pop())
t('pop empty index', lambda: array.array('d').pop(0))
t('insert str index', lambda: a.insert('0', 1))
t('insert huge index', lambda: a.insert(2 ** 70, 1))
t('insert bad value', lambda: a.insert(0, 'x'))
t('insert one arg', lambda: a.insert(0))
t('append bad', lambda: a.append(None))
t('append two', lambda: a.append(1, 2))
print(a)
