# StringIO's newline argument: translation on write, line splitting on read, .newlines.
import io

data = "a\r\nb\rc\nd"
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(data, newline=nl)
    print(repr(nl), repr(s.getvalue()), s.newlines, s.readlines())
s = io.StringIO(newline=None)
s.write("x\r")
s.write("\ny")
print(repr(s.getvalue()), s.newlines)
s = io.StringIO(newline="")
s.write("x\r")
s.write("\ny")
print(repr(s.getvalue()), s.newlines, s.readlines(), s.seek(0), s.readlines())
s = io.StringIO()
s.write("p\r\nq")
print(repr(s.getvalue()), s.newlines)
s = io.StringIO("1\r2\r3", newline="")
print(list(s))
s = io.StringIO(newline="\r\n")
print(s.write("a\nb\n"), repr(s.getvalue()), s.tell())
s = io.StringIO("no newline at all", newline=None)
print(s.newlines, s.readline())
