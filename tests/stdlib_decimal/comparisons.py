# Comparisons with Decimal, int, float (FloatOperation), complex, Fraction; NaN rules.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


from fractions import Fraction
D = Decimal
t(lambda: (D(1) == 1, D('1.0') == 1, D(1) == 1.0, D('0.1') == 0.1, D('1.5') <= 2.5, D(2) > 1, D(1) == 1 + 0j,
           D(1) != 1j, D('1.5') == Fraction(3, 2), D('1.5') < Fraction(7, 4), D('nan') == Fraction(1, 2),
           D('inf') > 10 ** 100, D('-inf') < D('-1e999'), D('NaN') != D('NaN'), D('NaN') == D('NaN')))
t(lambda: sorted([D(3), 1, 2.5, Fraction(5, 2), D('-1')]))
t(lambda: (max(D(1), D(2)), min(D(1), 0.5), D(1) == 'a', D(1) == None))
t(lambda: D('nan') < 1)
t(lambda: D('snan') == 1)
t(lambda: D(1) < 1 + 0j)
t(lambda: D(1) < 'a')
c = getcontext()
c.clear_flags()
print(D(1) == 1.5, c.flags[FloatOperation])
c.clear_flags()
print(D(1) < 1.5, c.flags[FloatOperation])
c.traps[FloatOperation] = True
t(lambda: D(1.5))
t(lambda: D(1) < 1.5)
t(lambda: D(1) == 1.5)
c.traps[FloatOperation] = False
