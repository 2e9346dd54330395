# Common bytes methods mirror str's.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.upper(), b.lower(), b.swapcase(), b.title())
print(b.split(), b"a,b,,c".split(b","), b"a b c".rsplit(None, 1), b"x=y=z".partition(b"="))
print(b"-".join([b"a", b"bc", bytearray(b"d")]), b"abcabc".replace(b"b", b"XY"), b"abcabc".count(b"c"))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".index(b"e"), b"hello".startswith(b"he"), b"hello".endswith((b"x", b"lo")))
print(b"abc".center(7, b"*"), b"42".zfill(5), b"ab".ljust(4), b"ab".rjust(4, b"0"))
print(b"abc123".isalnum(), b"abc".isalpha(), b"123".isdigit(), b" ".isspace(), b"ABC".isupper())
print(b"line1\nline2\r\n".splitlines(), b"prefix_x".removeprefix(b"prefix_"), b"a\tb".expandtabs(4))
try:
    b"abc".index(b"z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"a,b".split(",")
except TypeError as e:
    print(type(e).__name__, e)
