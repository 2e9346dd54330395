# Context.create_decimal rounds to the context and does not strip; create_decimal_from_float.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


c = Context(prec=3)
for v in ('1.23456', 123456, 0.1, Decimal('9.9999'), ' 1.5', '1_0', Decimal('NaN123456')):
    t(lambda: c.create_decimal(v))
t(lambda: c.create_decimal())
t(lambda: c.create_decimal(1, 2))
t(lambda: c.create_decimal_from_float(0.1))
t(lambda: c.create_decimal_from_float(12345))
t(lambda: c.create_decimal_from_float('x'))
t(lambda: Context(Emax=5).create_decimal('1e10'))
t(lambda: Context(Emin=-5, traps=[]).create_decimal('1e-10'))
