# Decimal(): str (whitespace, underscores, Unicode digits, specials), int, float (exact), tuple/list, Decimal.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


D = Decimal
for v in ('1.5', '  -1.5e3\n', '1_000', '١٢٣', 'Infinity', '-inf', '-sNaN99', 'nan', '0E-7', '-0', 10**30, -7, True,
          1.5, 0.1, -0.0, 1e300, 5e-324, float('inf'), float('-nan'), (0, (1, 2), -1), [1, [1, 2], 1],
          (0, (1, 2), 'F'), (1, (0, 0, 3), 'n'), (0, (), 0), D('2.50')):
    t(lambda: D(v))
t(lambda: D())
t(lambda: D(value='3', context=None))
t(lambda: Decimal.from_float(0.1))
t(lambda: Decimal.from_float(7))
