# __class_getitem__, unhashability, read-only attributes, weak references, buffer_info,
# reverse, tolist, __len__/bool, and the argument errors of the no-argument/one-argument methods.
import array, weakref

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(array.array[int], array.array['i'].__origin__ is array.array)
a = array.array('i', [3, 1, 2])
t('hash', lambda: hash(a))
t('set typecode', lambda: setattr(a, 'typecode', 'd'))
t('set itemsize', lambda: setattr(a, 'itemsize', 1))
t('set attr', lambda: setattr(a, 'foo', 1))
t('dict', lambda: a.__dict__)
r = weakref.ref(a)
print(r() is a)
info = a.buffer_info()
print(type(info).__name__, len(info), type(info[0]).__name__, info[1])
a.reverse()
print(a, a.tolist(), len(a), bool(a), bool(array.array('i')))
print(array.array('i').buffer_info()[1])
for name in ['buffer_info', 'byteswap', 'reverse', 'tobytes', 'tolist', 'tounicode']:
    t(name + ' arg', lambda: getattr(a, name)(1))
    t(name + ' kw', lambda: getattr(a, name)(x=1))
for name in ['append', 'count', 'frombytes', 'fromlist', 'fromunicode', 'remove']:
    t(name + ' none', lambda: getattr(a, name)())
    t(name + ' two', lambda: getattr(a, name)(1, 2))
    t(name + ' kw', lambda: getattr(a, name)(x=1))
t('pop two', lambda: a.pop(1, 2))
t('pop kw', lambda: a.pop(i=1))
t('insert kw', lambda: a.insert(i=1, v=2))
print(sorted(n for n in dir(array.array) if not n.startswith('_')))
