# readlines(hint) stops once more than `hint` characters were read; reading/writing past the end.
import io

for hint in [-1, 0, 1, 2, 3, 4, 100]:
    print(hint, io.StringIO("a\nb\nc\n").readlines(hint), io.BytesIO(b"a\nb\nc\n").readlines(hint))
s = io.StringIO("abc")
print(s.seek(10), repr(s.read()), s.tell(), repr(s.readline()), s.write("Z"), repr(s.getvalue()))
b = io.BytesIO(b"xy")
print(b.seek(5), b.read(), b.tell(), b.seek(1, 1), b.seek(-1, 2))
s = io.StringIO("é€😀x")
print(s.read(2), s.tell(), s.seek(1), s.write("E"), repr(s.getvalue()), s.tell(), repr(s.read()))
print(s.truncate(1), repr(s.getvalue()), s.tell(), s.write("!"), repr(s.getvalue()))
