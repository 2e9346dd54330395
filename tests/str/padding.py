# center, ljust, rjust, zfill, expandtabs.
print("[" + "abc".center(9) + "]", "[" + "abc".center(8, "*") + "]", "[" + "abc".center(2) + "]")
print("[" + "ab".ljust(5, ".") + "]", "[" + "ab".rjust(5) + "]", "[" + "abcdef".rjust(3) + "]")
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "3.14".zfill(2))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("\t\n\tx".expandtabs(2)), repr("ab\t".expandtabs(0)))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
