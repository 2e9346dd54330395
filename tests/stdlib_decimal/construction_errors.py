# Bad values for Decimal(): ConversionSyntax (trapped InvalidOperation), tuple errors, unsupported types.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


D = Decimal
for v in ('abc', '1.5x', '', ' ', '1 5', [1], 1.5j, None, (0, (1, 2)), (2, (1, 2), -1), (0, (1, 12), -1),
          (0, (1, 2), 'x'), (0, (1, 2), 1.5), (0, 1, 1), ('0', (1,), 1)):
    t(lambda: D(v))
t(lambda: D(1, 2))
t(lambda: D(1, context=3, value=2))
t(lambda: Decimal.from_float('1'))
t(lambda: Decimal.from_float(f=1))
ctx = Context(traps=[])
t(lambda: D('abc', ctx))
print(ctx.flags[InvalidOperation])
