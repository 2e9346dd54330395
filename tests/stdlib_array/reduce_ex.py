# __reduce_ex__: the list form for protocols < 3, _array_reconstructor with the machine-format
# code for protocol >= 3, __dict__ as state; argument errors.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for tc in array.typecodes:
    a = array.array(tc, 'ab' if tc == 'u' else [1, 2])
    r2 = a.__reduce_ex__(2)
    r3 = a.__reduce_ex__(3)
    print(tc, r2, r3[0] is array._array_reconstructor, r3[1][1:], r3[2])
print(array.array('i').__reduce_ex__(0), array.array('i').__reduce_ex__(5))
print(array.array('d').__reduce_ex__(-1))

class Sub(array.array):
    pass

s = Sub('h', [7])
print(s.__reduce_ex__(1))
s.name = 'x'
print(s.__reduce_ex__(4)[1][0] is Sub, s.__reduce_ex__(4)[2], s.__reduce_ex__(2))
a = array.array('i')
t('str', lambda: a.__reduce_ex__('3'))
t('float', lambda: a.__reduce_ex__(3.0))
t('none', lambda: a.__reduce_ex__())
t('two', lambda: a.__reduce_ex__(1, 2))
t('huge', lambda: a.__reduce_ex__(2 ** 100))
t('bool', lambda: a.__reduce_ex__(True)[0].__name__)
