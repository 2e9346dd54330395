# del on list items and slices.
a = list(range(8))
del a[0]; print(a)
del a[-1]; print(a)
del a[1], a[1]; print(a)
del a[::2]; print(a)
try:
    del a[10]
except IndexError as e:
    print(type(e).__name__, e)
