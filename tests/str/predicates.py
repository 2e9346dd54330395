# is* predicates.
samples = ["abc", "ABC", "Abc", "123", "١٢٣", "½", "²", "a1", "", " \t\n", "Hello World", "hello_world", "é", "𝟘", "\u2167"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isupper(), s.islower(), s.istitle(), s.isspace(), s.isidentifier(), s.isprintable(), s.isascii())
print("class".isidentifier(), "_x1".isidentifier(), "1x".isidentifier(), "\x07".isprintable())
