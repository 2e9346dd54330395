# Context methods mirroring the Decimal operations, their conversions and argument errors.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


c = Context(prec=10)
t(lambda: (c.add(1, 2), c.subtract(1, Decimal('0.5')), c.multiply(3, 7), c.divide(1, 4), c.divide_int(7, 2),
           c.remainder(7, 2), c.remainder_near(7, 2), c.divmod(7, 2), c.power(2, 10), c.power(2, 10, 7), c.power(a=2, b=3),
           c.sqrt(2), c.exp(1), c.ln(10), c.log10(100), c.abs(-1), c.minus(1), c.plus(-0), c.fma(2, 3, 4)))
t(lambda: (c.quantize(Decimal('1.2345'), Decimal('0.01')), c.to_integral(Decimal('2.5')), c.to_integral_exact(Decimal('2.5')),
           c.normalize(Decimal('1.200')), c.compare(1, 2), c.compare_total(1, 2), c.copy_sign(1, -2), c.copy_abs(-1),
           c.copy_negate(1), c.copy_decimal(1), c.logb(100), c.scaleb(1, 2), c.shift(1, 2), c.rotate(1, 2),
           c.logical_and(1, 1), c.logical_invert(0), c.max(1, 2), c.min_mag(-1, 2), c.next_plus(1), c.next_toward(1, 0)))
t(lambda: (c.is_finite(1), c.is_nan(Decimal('nan')), c.is_zero(0), c.is_signed(-1), c.is_normal(1), c.is_subnormal(1),
           c.is_canonical(Decimal(1)), c.canonical(Decimal(1)), c.number_class(1), c.radix(), c.same_quantum(1, 2),
           c.to_sci_string(Decimal('1E+5')), c.to_eng_string(Decimal('1E+5')), c._apply(Decimal('1.23456789012345'))))
t(lambda: c.abs())
t(lambda: c.abs(1, 2))
t(lambda: c.abs(x=1))
t(lambda: c.add(1, 2, 3))
t(lambda: c.add(1, y=2))
t(lambda: c.fma(1, 2))
t(lambda: c.power(2, 3, 4, 5))
t(lambda: c.add(1, 2.5))
t(lambda: c.abs('1'))
t(lambda: c.is_nan('1'))
t(lambda: c.canonical(1))
t(lambda: c.is_canonical(1))
t(lambda: c.sqrt(-1))
