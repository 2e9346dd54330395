# Operators between Decimals and ints, rounding to the context, signals raised and flagged.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


D = Decimal
t(lambda: (D(1) / D(3), D(2) ** D('0.5'), D(10) // 3, D(-7) % 3, divmod(D(-7), 2), 2 - D('0.5'),
           3 * D('1.1'), -D(5), abs(D(-5)), +D('1.00'), D(7) // -2, 7 % D(-2), 2 ** D(10)))
t(lambda: pow(D(2), 10, 7))
t(lambda: pow(D(2), 10, 7.5))
t(lambda: D('1' * 40) + 1)
t(lambda: D(1) / 0)
t(lambda: D(0) / 0)
t(lambda: D(1) // 0)
t(lambda: D(1) + 1.5)
t(lambda: 1.5 * D(1))
t(lambda: D(1) + 'a')
t(lambda: D('inf') - D('inf'))
c = getcontext()
c.clear_flags()
t(lambda: (D('1.1') + D('2.2'), c.flags[Inexact], c.flags[Rounded]))
t(lambda: D(1) / 3)
print(c.flags[Inexact], c.flags[Rounded], c.flags[DivisionByZero])
x = D('1.5')
x += 1
print(x, bool(D(0)), bool(D('0.001')), bool(D('nan')))
