# The Decimal methods: math functions, predicates, copies, logical ops, next_*, tuples, ratios.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


D = Decimal
t(lambda: (D(2).sqrt(), D(1).exp(), D(10).ln(), D(1000).log10(), D(-1).sqrt(), D(0).ln()))
t(lambda: (D('0.5').as_integer_ratio(), D('-1.25').as_integer_ratio(), D('1e3').as_integer_ratio(), D(0).as_integer_ratio()))
t(lambda: (D('-1.25').as_tuple(), D('inf').as_tuple(), D('nan').as_tuple(), D('-snan12').as_tuple(), D('1E+3').as_tuple().exponent))
t(lambda: D('nan').as_integer_ratio())
t(lambda: D('inf').as_integer_ratio())
t(lambda: (D('1.23E+5').adjusted(), D('inf').adjusted(), D('1.23').compare_total(D('1.230')), D(5).fma(3, 2),
           D(1).rotate(2), D(1).shift(2), D(1).scaleb(3), D('1.5').next_plus(), D('1.5').next_minus(),
           D(1).next_toward(2), D('1101').logical_and(D('1011')), D('1101').logical_or(10), D('1101').logical_xor(D(1)),
           D(1).logical_invert(), D('1.5').compare(2), D('nan').compare_signal(1) if False else 0))
t(lambda: (D('-0').is_signed(), D('sNaN').is_snan(), D('1e-999999').is_subnormal(), D(1).is_normal(), D(0).is_zero(),
           D('inf').is_infinite(), D(1).is_finite(), D('nan').is_qnan(), D(1).is_canonical(), D(1).is_nan()))
t(lambda: [D(x).number_class() for x in ('1', '-inf', '-0', '1e-999999', 'nan', 'snan', '-1')])
t(lambda: (D(-3).copy_abs(), D(3).copy_negate(), D(3).copy_sign(-1), D(1).canonical(), D(1).radix(), D(1).conjugate(),
           D('2.5').real, D('2.5').imag, complex(D('1.5')), D('1.00').same_quantum(D('2.00')), D('120.00').normalize(),
           D(3).max(D('3.0')), D(-3).max_mag(2), D(3).min(1), D(-3).min_mag(2), D(10).remainder_near(3), D(-2).logb()))
t(lambda: D(1).compare(1.5))
t(lambda: D(1).exp(context=3))
t(lambda: D(1).compare())
t(lambda: D(1).compare(1, 2, 3))
t(lambda: D(1).compare(other=1, foo=2))
t(lambda: D(1).fma(2))
t(lambda: D(1).is_nan(1))
t(lambda: D(1).copy_abs(1))
t(lambda: D(1).sqrt(context=Context(prec=3)))
