# extend (any iterable; arrays only of the same typecode) keeps what it appended before an error;
# fromlist takes only lists and appends nothing when an item is bad.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a = array.array('i', [1])
a.extend([2, 3])
a.extend((4,))
a.extend(range(5, 7))
a.extend(array.array('i', [7]))
a.extend(x for x in [8])
a.extend(a)
print(a)
b = array.array('b', [1])
t('extend partial', lambda: b.extend([2, 3, 'x', 4]))
print(b)
t('extend overflow', lambda: b.extend([5, 1000]))
print(b)
t('extend other kind', lambda: b.extend(array.array('B', [1])))
t('extend int', lambda: b.extend(5))
t('extend str', lambda: b.extend('ab'))
t('extend no args', lambda: b.extend())
t('extend two args', lambda: b.extend([1], [2]))
t('extend kw', lambda: b.extend(bb=[1]))
u = array.array('u', 'a')
u.extend('bc')
print(u)
c = array.array('H', [1])
c.fromlist([2, 3])
c.fromlist([])
print(c)
t('fromlist bad item', lambda: c.fromlist([4, 5, -1]))
print(c)
t('fromlist tuple', lambda: c.fromlist((4,)))
t('fromlist array', lambda: c.fromlist(array.array('H')))
t('fromlist no args', lambda: c.fromlist())
print(c)
