# str/repr/to_eng_string and format() specs (grouping, e, %, g, fill/align, z, #, n).
from decimal import *
import decimal


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


D = Decimal
for s in ('1234567.891', '-0.0001', '1E+5', '0.000001', '-0', 'inf', 'nan', '123.4500'):
    d = D(s)
    print(s, str(d), repr(d), d.to_eng_string(),
          [format(d, spec) for spec in (',.2f', 'e', '.3%', 'g', '>15', '*^20,.1f', '', '.0f', 'z.1f', '_', '+.3E', '#.0f', '012,.2f', 'n', '.2G')])
print(f"{D('3.14159'):.3} {D('2.5'):08.2f} {D('1e-10'):f}")
t(lambda: format(D(1), 'invalid'))
t(lambda: format(D(1), ',d'))
t(lambda: D(1).__format__(1))
t(lambda: D(1).__format__())
c = Context(capitals=0)
print(c.to_sci_string(D('1E+10')), c.to_eng_string(D('123E+10')))
print(D('1.2345').__format__('.2f', {'decimal_point': ',', 'thousands_sep': '.'}))
print(repr(format(D('1.5'), '\x00>6')), repr(format(D('-1.5'), '\x00=8.2f')))
