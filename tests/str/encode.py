# str.encode with encodings and error handlers.
s = "héllo €"
print(s.encode(), s.encode("utf-8"), s.encode("latin-1", errors="replace"), s.encode("ascii", "ignore"))
print(s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
print("😀".encode("utf-16-le"), "A".encode("utf-32-be"), "ab".encode("latin1"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    s.encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
print(str(b"abc", "ascii"), str(b"\xc3\xa9", "utf-8"))
