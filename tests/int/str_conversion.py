# str/repr/hex/oct/bin of ints, negative and big.
for n in (0, 5, -5, 255, -255, 2 ** 70):
    print(str(n), repr(n), hex(n), oct(n), bin(n))
print(str(-10 ** 50))
print(format(255, "x"), format(255, "#b"), format(-255, "o"))
