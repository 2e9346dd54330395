# 'f' rounds to single precision (overflowing to inf), 'd' keeps doubles; NaN compares unequal.
import array, math

f = array.array('f', [0.1, 1e39, -1e39, 1.5, 3.4028234663852886e38])
print(f, f[0], f.tolist())
d = array.array('d', [0.1, 1e308, float('inf'), -0.0])
print(d, d[3], math.copysign(1, d[3]))
n = array.array('d', [float('nan')])
print(n == n, n != n, math.isnan(n[0]))
print(array.array('f', [1.0]) == array.array('d', [1.0]))
print(array.array('f', [0.1]) == array.array('d', [0.1]))
print(array.array('d', [1, 2]) < array.array('d', [1, 3]))
print(0.5 in array.array('f', [0.5]), 0.1 in array.array('f', [0.1]))
print(array.array('d', [2.0]).index(2), array.array('f', [2.0, 2]).count(2.0))
