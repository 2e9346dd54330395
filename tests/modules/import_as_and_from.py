# import ... as, from ... import ..., from ... import ... as.
import _simple_mod as sm
from _simple_mod import VALUE, double as dbl
print(sm.VALUE, VALUE, dbl(5), sm.double is dbl)
from math import pi as PI, floor
print(round(PI, 3), floor(2.7))
