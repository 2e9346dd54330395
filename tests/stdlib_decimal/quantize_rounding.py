# quantize, to_integral_*, round(), int/float/floor/ceil/trunc with every rounding mode.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


import math
D = Decimal
for r in (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP):
    print(r, [str(D(x).quantize(D('0.1'), rounding=r)) for x in ('1.25', '-1.25', '1.35', '1.01', '1.05')],
          D('-2.5').to_integral_value(rounding=r))
t(lambda: D('1e10').quantize(D('0.1'), context=Context(prec=3)))
t(lambda: D(1).quantize(D(1), rounding='x'))
t(lambda: D('7.5').to_integral_exact())
t(lambda: Context(traps=[Inexact]).to_integral_exact(D('7.5')))
t(lambda: (int(D('-7.9')), float(D('0.1')), float(D('-inf')), round(D('2.5')), round(D('3.5')), round(D('2.675'), 2),
           round(D('123.456'), -1), math.floor(D('-2.5')), math.ceil(D('-2.5')), math.trunc(D('-2.5'))))
t(lambda: int(D('nan')))
t(lambda: int(D('-inf')))
t(lambda: float(D('snan')))
t(lambda: float(D('-nan')))
t(lambda: round(D('nan')))
t(lambda: round(D('inf'), 2))
t(lambda: round(D('1.5'), 'a'))
t(lambda: round(D('1e30'), 2))
t(lambda: int(D('1.5e20')))
