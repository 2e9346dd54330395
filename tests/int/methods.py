# int methods: to_bytes, from_bytes, as_integer_ratio, conjugate, numerator.
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True))
print((10).as_integer_ratio(), (7).numerator, (7).denominator, (7).real, (7).imag)
print((-5).conjugate(), (5).is_integer())
try:
    (1024).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
