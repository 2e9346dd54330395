# find, rfind, index, rindex and count, with start/end.
s = "hello, hello, world"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.rfind("o", 0, 10))
print(s.find(""), s.rfind(""), s.find("", 100), s.find("l", -5), s.find("h", 3, 8))
print(s.index("world"), s.rindex("l"), s.count("l"), s.count("hello"), s.count(""), s.count("l", 5, 12))
print("aaaa".count("aa"), "".count(""), "abc".count("", 1))
try:
    s.index("xyz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("xyz")
except ValueError as e:
    print(type(e).__name__, e)
