# bytes literals, repr and indexing (indexing gives ints).
b = b"hello\x00\xff\n\t'\""
print(b, len(b), b[0], b[-1], b[1:3], type(b[0]).__name__)
print(rb"raw\n", B"upper", b'\x41\x42', bytes(3), bytes([65, 66, 67]), bytes(range(5)))
print(b"a" + b"b", b"ab" * 3, b"b" in b"abc", 98 in b"abc", b"" in b"x")
print(repr(b"it's"), repr(b'say "x"'), repr(b"\x7f\x80"))
print(list(b"AZ"), b"abc"[::-1], b"abc" == b"abc", b"abc" < b"abd")
