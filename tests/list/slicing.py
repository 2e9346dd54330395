# Reading, assigning and deleting slices, with steps.
a = list(range(10))
print(a[2:5], a[::3], a[::-1], a[-3:], a[8:2:-2], a[100:])
a[2:5] = ["x"]; print(a)
a[:0] = [-2, -1]; print(a)
a[len(a):] = [99]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
del a[::3]; print(a)
del a[1:3]; print(a)
a[1:1] = "ab"; print(a)
a[:] = []; print(a)
b = [0, 1, 2, 3, 4, 5]
b[::-2] = "XYZ"; print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
