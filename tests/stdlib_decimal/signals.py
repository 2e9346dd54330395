# The signal classes: hierarchy, messages of trapped conditions, flags and traps as SignalDicts.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for cls in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionImpossible, DivisionUndefined,
            InvalidContext, DivisionByZero, Inexact, Rounded, Subnormal, Overflow, Underflow, FloatOperation):
    print(cls.__name__, cls.__module__, [b.__name__ for b in cls.__mro__])
t(lambda: Decimal('x'))
t(lambda: Decimal(1) / 0)
t(lambda: Decimal(1).__truediv__(0))
t(lambda: Context(prec=2, traps=[Inexact]).divide(1, 3))
t(lambda: Context(traps=[Overflow], Emax=3).multiply(1000, 1000))
t(lambda: Context(traps=[Underflow, Clamped], Emin=-3).divide(1, 10 ** 6))
c = Context(traps=[])
print(c.divide(1, 0), c.divide(0, 0), c.flags[DivisionByZero], c.flags[InvalidOperation])
print(c.flags)
print(sorted(k.__name__ for k in c.traps), len(c.flags), dict(c.flags) == c.flags.copy())
c.traps[Inexact] = True
print(c.traps[Inexact], c.traps == {s: s in (Inexact,) for s in c.traps}, c.traps == {})
t(lambda: c.flags[int])
t(lambda: c.flags.__delitem__(Inexact))
c.clear_flags()
c.clear_traps()
print(c)
try:
    Decimal('nan') < 1
except InvalidOperation as e:
    print('caught', type(e).__name__, e.args)
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
