# float methods and attributes.
print((2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-0.75).as_integer_ratio())
print((3.0).is_integer(), (3.5).is_integer())
print((1.5).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), (0.1).hex())
print((2.5).real, (2.5).imag, (2.5).conjugate())
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print(type(e).__name__, e)
