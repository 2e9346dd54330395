# removeprefix and removesuffix.
print("unittest".removeprefix("unit"), "unittest".removeprefix("test"), "test_x.py".removesuffix(".py"))
print("aaa".removeprefix("a"), "".removesuffix("x"), "abc".removesuffix(""), "abc".removeprefix("abc"))
