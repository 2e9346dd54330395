# repr(float) is the shortest string that round-trips.
for x in (0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e15, 123456789.123, 1/3, 2/3, 1e-5, 1e-4, 0.0001234, 1e22, 1e23, 5e-324, 1.7976931348623157e308):
    print(repr(x), str(x))
print(float("0.1") == 0.1, repr(float(repr(1/3))) == repr(1/3))
print(100.0, 1e100, 1.5e-10, 12345678901234567890.0)
