# getcontext/setcontext/localcontext (3.11 keywords); templates are copied by setcontext.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


c = getcontext()
print(c is getcontext(), c.prec)
def lc():
    with localcontext(prec=3) as l:
        r = Decimal(1) / 7
        print(l.prec, getcontext() is l, getcontext() is c)
    return r, getcontext() is c
t(lc)
with localcontext(Context(prec=4, rounding=ROUND_UP)) as l:
    print(Decimal(2) / 3, l.rounding)
t(lambda: localcontext(foo=1))
t(lambda: localcontext(prec=-1))
t(lambda: localcontext(3))
t(lambda: setcontext(1))
setcontext(BasicContext)
print(getcontext() is BasicContext, getcontext().prec)
n = Context(prec=6)
setcontext(n)
print(getcontext() is n, Decimal(1) / 7)
setcontext(DefaultContext)
print(Decimal(1) / 7)
