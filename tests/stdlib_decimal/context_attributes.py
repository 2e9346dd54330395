# Context attributes, their validation messages, repr, templates, copy, Etiny/Etop.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(Context())
print(Context(prec=5, rounding=ROUND_DOWN, Emin=-9, Emax=9, capitals=0, clamp=1, flags=[Inexact], traps=[]))
print(BasicContext)
print(ExtendedContext)
print(DefaultContext)
for kw in ({'prec': 0}, {'prec': 'a'}, {'prec': 1.5}, {'rounding': 'x'}, {'rounding': 1}, {'Emin': 1},
           {'Emax': -1}, {'capitals': 2}, {'clamp': 2}, {'flags': {Inexact: 1}}, {'flags': 3},
           {'traps': [int]}, {'bogus': 1}):
    t(lambda: Context(**kw))
c = Context(prec=7)
c.prec = 12
c.rounding = ROUND_HALF_UP
c.Emax = 100
c.Emin = -100
c.capitals = 0
c.clamp = 1
print(c.prec, c.rounding, c.Emax, c.Emin, c.capitals, c.clamp, c.Etiny(), c.Etop())
t(lambda: setattr(c, 'prec', -1))
t(lambda: delattr(c, 'prec'))
d = c.copy()
d.prec = 3
print(c.prec, d.prec, d.rounding, repr(Decimal('1e5').__str__()), Decimal('1E+5'))
print(c.create_decimal('1e5'), c.to_sci_string(Decimal('1E+5')))
t(lambda: c.Etiny(1))
print([r for r in dir(decimal) if r.startswith('ROUND_')], ROUND_HALF_EVEN)
