# printf-style formatting works on bytes too.
print(b"%s-%d-%x" % (b"ab", 42, 255), b"%5s|%-5s|" % (b"x", b"y"), b"%c%c" % (65, b"B"), b"100%%" % ())
try:
    b"%s" % "str"
except TypeError as e:
    print(type(e).__name__, e)
