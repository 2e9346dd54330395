# Slices (with steps, negative and out-of-range bounds) return new array.array objects.
import array

a = array.array('i', range(10))
print(a[2:5], a[:3], a[7:], a[:], a[::2], a[::-1], a[8:2:-2], a[-3:], a[100:], a[5:2])
print(a[1:9:3], a[-1:-11:-4], a[::100], a[2 ** 100:], a[-2 ** 100:2])
s = a[:]
s[0] = 99
print(a[0], s[0], s is a)
print(array.array('u', 'hello')[1:4], array.array('d', [1.5, 2.5])[::-1])
print(a[slice(2, None)], a[slice(None, None, -3)])
try:
    a[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a['a':]
except TypeError as e:
    print(type(e).__name__, e)
