# | & - ^ and comparisons on sets.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print({1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > a, {1, 2} == {2, 1}, a.isdisjoint({9}))
c = set(a); c |= {10}; c &= {1, 10, 11}; c -= {1}; c ^= {20}; print(c)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
print(a.union([7], (8,)), a.intersection(range(3)), a.difference([1], [2]), a.symmetric_difference([4, 9]))
print(a.issubset(range(10)), a.issuperset([1, 2]))
