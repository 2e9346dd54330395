# strip, lstrip, rstrip with and without characters.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("yx"))
print("www.example.com".strip("cmowz."), repr("".strip()), "abc".strip(""))
print("\u3000wide\u3000".strip(), "\xa0nbsp\xa0".strip())
