"""Decimal fixed-point and floating-point arithmetic (the General Decimal Arithmetic
Specification), as CPython's decimal module: everything comes from the native _decimal module,
built on libmpdec (src/modules/decimal_*.cpp)."""

from _decimal import *
from _decimal import __version__
from _decimal import __libmpdec_version__
