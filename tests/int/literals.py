# Integer literals in every base, with underscores.
print(0, 7, -7, +7)
print(0b1011, 0o777, 0xff, 0XFF, 0B11, 0O17)
print(1_000_000, 0x_ff_ff, 0b_1010_1010)
print(00, 0_0)
print(type(5).__name__, type(-5).__name__)
print(123456789012345678901234567890)
