# array.array() argument errors: typecodes, arity, keywords, incompatible initializers.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

t('bad', lambda: array.array('x'))
t('w (3.13 only)', lambda: array.array('w'))
t('c', lambda: array.array('c'))
t('non-ascii', lambda: array.array('\xe9'))
t('two chars', lambda: array.array('ii'))
t('empty str', lambda: array.array(''))
t('int', lambda: array.array(1))
t('bytes', lambda: array.array(b'i'))
t('no args', lambda: array.array())
t('three args', lambda: array.array('i', [], None))
t('keyword', lambda: array.array('i', initializer=[1]))
t('typecode kw', lambda: array.array(typecode='i'))
t('str for i', lambda: array.array('i', 'abc'))
t('str for b', lambda: array.array('b', ''))
t('u array for d', lambda: array.array('d', array.array('u', 'ab')))
t('not iterable', lambda: array.array('i', 5))
t('None', lambda: array.array('i', None))
t('bad item', lambda: array.array('i', [1, 'two']))
t('bad item iter', lambda: array.array('i', iter([1, None])))
t('bytes length', lambda: array.array('i', b'abcde'))
t('u from int array', lambda: array.array('u', array.array('i', [65])))
t('u from list of ints', lambda: array.array('u', [65]))
