# An uncaught trapped signal prints CPython's message: the conditions list.
from decimal import Decimal
print(Decimal('1.5'))
Decimal('not a number')
