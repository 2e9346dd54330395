# Decimal and Context pickle and copy; Decimals are immutable; subclasses construct their type.
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


import copy
import pickle
D = Decimal
t(lambda: pickle.loads(pickle.dumps(D('-1.23E+7'))))
t(lambda: pickle.loads(pickle.dumps(Context(prec=5, traps=[Inexact], flags=[Rounded]))))
t(lambda: (copy.copy(D('1.5')), copy.deepcopy(D('1.5'))))
t(lambda: D('1.5').__reduce__())
t(lambda: Context().__reduce__())
d = D(1)
t(lambda: d.x)
def setx():
    d.x = 1
t(setx)
class MyDec(Decimal):
    pass
m = MyDec('1.5')
m.tag = 'ok'
t(lambda: (m, type(m).__name__, type(m + 1).__name__, MyDec.from_float(0.5), type(MyDec.from_float(0.5)).__name__, m.tag))
print(decimal.__version__, decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY, decimal.HAVE_THREADS)
print(type(decimal.__libmpdec_version__).__name__, type(decimal.HAVE_CONTEXTVAR).__name__)
