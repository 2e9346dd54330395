# slice objects: attributes, indices(), use in subscripts.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print("abcdefghijk"[s], list(range(20))[s], s.indices(5), slice(None, None, -1).indices(4))
print(slice(-3, None).indices(10), slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(0, 5, 0).indices(3)
except ValueError as e:
    print(type(e).__name__, e)
a = list(range(6))
a[slice(0, 2)] = ["x", "y"]
del a[slice(None, None, 2)]
print(a)
