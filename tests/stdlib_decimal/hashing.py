# hash() equals CPython's numeric hash: equal to int/float/Fraction hashes for equal values.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


from fractions import Fraction
D = Decimal
for s, other in (('1.5', 1.5), ('1e100', 10 ** 100), ('-7', -7), ('0.001', Fraction(1, 1000)), ('-0', 0),
                 ('inf', float('inf')), ('-inf', float('-inf')), ('123456789.123456789', None), ('-1', -1),
                 ('1E-999', None), ('2.5E+99999', None)):
    print(s, hash(D(s)), other is None or hash(D(s)) == hash(other))
print(hash(D('1.50')) == hash(D('1.5')), len({D('1.0'), D(1), 1, 1.0}))
n = D('nan')
print(hash(n) == hash(n))
t(lambda: hash(D('snan')))
