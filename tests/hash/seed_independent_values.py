# hash() of numbers, tuples, frozensets, ranges, slices and singletons: fixed numbers that do
# not depend on PYTHONHASHSEED (sys.hash_info's modulus 2**61-1, inf 314159, imag 1000003).
import sys
from fractions import Fraction

print(sys.hash_info)
print(sys.hash_info.algorithm, sys.hash_info.width, sys.hash_info.seed_bits, sys.hash_info.cutoff)
M = sys.hash_info.modulus
ints = [0, 1, -1, -2, 2, M - 1, M, M + 1, 2**61, 2**64, -2**61, -M, -M - 1, 2**100, -2**100,
        10**30 + 7, -10**30 - 7, 12345678901234567890, 2**63 - 1, -2**63]
print([hash(i) for i in ints])
print([hash(i) == i % M if i >= 0 else True for i in ints])
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 1e300, 1e-300, 3.141592653589793, 2.0**70,
          1 / 3, 5e-324, -5e-324, 1.7976931348623157e308, float('inf'), float('-inf'), 1e22, 0.1]
print([hash(f) for f in floats])
print(hash(1.0) == hash(1) == hash(True), hash(0.0) == hash(-0.0) == hash(False) == 0)
nan = float('nan')
print(hash(nan) == hash(nan), hash(2**61 - 1) == 0)
print([hash(c) for c in [1j, -1j, 1 + 2j, complex(0.5, -0.25), complex(float('inf'), 1), 2.5j,
                         complex(3, 0), complex(-0.0, -0.0)]])
print(hash(complex(3, 0)) == hash(3), hash(complex(0, 1)) == sys.hash_info.imag)
tuples = [(), (1,), (1, 2), (2, 1), (1, (2, 3)), ((),), (1.5, -1), (None,), (True, False),
          tuple(range(50)), (-1,), (-2,), ((1, 2), (3, 4)), (frozenset(),)]
print([hash(t) for t in tuples])
sets = [frozenset(), frozenset({1}), frozenset({1, 2, 3}), frozenset({-1, -2}),
        frozenset({(1, 2), 3.5}), frozenset({frozenset()}), frozenset(range(100)),
        frozenset({0.5, 2**64})]
print([hash(s) for s in sets])
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print([hash(r) for r in [range(10), range(0), range(1, 10, 2), range(5, 1), range(1, 2, 7),
                         range(-5, 5, 3)]])
print(hash(range(0)) == hash(range(5, 1)), hash(range(1, 2, 7)) == hash(range(1, 2, 3)))
print([hash(s) for s in [slice(1, 2, 3), slice(None), slice(1, None), slice(-1, 5)]])
print(hash(None), hash(True), hash(False))
print([hash(x) for x in [Fraction(1, 3), Fraction(-7, 2), Fraction(5), Fraction(1, M)]])
print(hash(Fraction(5, 2)) == hash(2.5))
for bad in [[], {}, set(), bytearray(b'x'), memoryview(bytearray(b'x'))]:
    try:
        hash(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for bad in [memoryview(b'ab').cast('H'), memoryview(bytearray(b'x')).toreadonly()]:
    try:
        hash(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
m = memoryview(b'ab')
m.release()
try:
    hash(m)
except ValueError as e:
    print(type(e).__name__, e)
