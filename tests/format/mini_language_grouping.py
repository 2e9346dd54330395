# Thousands separators.
print(format(1234567, ","), format(1234567, "_"), format(1234567.891, ",.2f"), format(-1234567, ",d"))
print(format(0xdeadbeef, "_x"), format(0b11111111, "_b"), format(123, ","), format(1234.5, "_"), format(10 ** 12, "020,"))
print(format(1234567, "n"), f"{1234567:>15,}", f"{1e6:,.1f}")
try:
    format(1, ",_")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format("s", ",")
except ValueError as e:
    print(type(e).__name__, e)
