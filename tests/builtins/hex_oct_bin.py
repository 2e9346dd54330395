# hex, oct, bin for ints.
for n in (0, 1, -1, 255, 2 ** 64, -2 ** 64):
    print(hex(n), oct(n), bin(n))
for bad in (1.5, "1", None):
    try:
        hex(bad)
    except TypeError as e:
        print(type(e).__name__, e)
