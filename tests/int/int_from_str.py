# int() parsing of strings, with bases, prefixes, whitespace and underscores.
print(int("42"), int("  -42  "), int("+7"), int("0"), int("007"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("10", 2), int("1_000"), int("12", 3))
print(int("١٢٣"))
print(int("123456789012345678901234567890"))
print(int(3.99), int(-3.99), int(True), int())
print(int(b"12"), int(bytearray(b" 34 ")))
