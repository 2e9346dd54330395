# str() with various arguments and errors.
print(str(), str(""), str(12.5), str(True), str(b"ab"), str(b"ab", "ascii"), str(bytearray(b"x"), "utf-8"))
print(str(object=5), str(b"\xff", "utf-8", "replace"), str(b"\xff", errors="ignore"))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    str("abc", "utf-8")
except TypeError as e:
    print(type(e).__name__, e)
