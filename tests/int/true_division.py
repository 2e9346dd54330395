# / on ints always yields a float.
print(7 / 2, -7 / 2, 6 / 3, 1 / 3)
print(10 ** 20 / 10 ** 10)
print(type(4 / 2).__name__)
print(2 ** 70 / 2 ** 10)
print((10 ** 400) // (10 ** 399))
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 / 10 ** 399)
