# Comparisons are element-wise, also across typecodes; unequal lengths; arrays vs other types.
import array

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

A = array.array
ops = [('<', lambda x, y: x < y), ('<=', lambda x, y: x <= y), ('==', lambda x, y: x == y),
       ('!=', lambda x, y: x != y), ('>', lambda x, y: x > y), ('>=', lambda x, y: x >= y)]
pairs = [(A('i', [1, 2]), A('i', [1, 2])), (A('i', [1, 2]), A('i', [1, 3])),
         (A('i', [1, 2]), A('i', [1])), (A('i'), A('i', [0])), (A('b', [-1]), A('B', [255])),
         (A('i', [1, 2]), A('d', [1.0, 2.0])), (A('Q', [2 ** 64 - 1]), A('q', [-1])),
         (A('I', [4000000000]), A('I', [5])), (A('L', [2 ** 63]), A('L', [1])),
         (A('f', [0.5]), A('d', [0.5, 1])), (A('u', 'ab'), A('u', 'b'))]
for x, y in pairs:
    print(x, y, [name for name, op in ops if op(x, y)])
print(A('i', [1]) == [1], A('i', [1]) != [1], A('u', 'a') == 'a')
t('lt list', lambda: A('i', [1]) < [1])
t('ge tuple', lambda: A('i', [1]) >= (1,))
t('u vs i lt', lambda: A('u', 'a') < A('i', [1]))
t('u vs i eq', lambda: A('u', 'a') == A('i', [1]))
t('u vs i different len', lambda: A('u', 'a') < A('i'))
t('hash', lambda: hash(A('i')))
