# replace with counts.
print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "aaaa".replace("aa", "x"))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"))
print("hello world".replace("o", ""), "ababab".replace("ab", "ba", -1))
print("ümlaut".replace("ü", "ue"))
