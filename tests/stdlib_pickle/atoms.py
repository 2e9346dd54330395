# None, bools, ints at the opcode boundaries (BININT1/BININT2/BININT/LONG1/INT) and floats.
from _util import show
for v in [None, True, False]:
    show(repr(v), v)
for v in [0, 1, 255, 256, 65535, 65536, -1, -255, -256, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
          2**63 - 1, 2**63, -2**63, -2**63 - 1]:
    show(repr(v), v)
for v in [0.0, -0.0, 1.5, -2.25, 1e100, 1e-300, 5e-324, 1.7976931348623157e308, 0.1, 1e16,
          123456789.0, float('inf'), float('-inf'), float('nan')]:
    show(repr(v), v)
