# Error messages of StringIO and BytesIO (CPython's, including their differences).
import io

def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)

s = io.StringIO("abc")
attempt(s.seek, -1)
attempt(s.seek, 1, 1)
attempt(s.seek, 1, 2)
attempt(s.seek, 0, 3)
attempt(s.seek, 1.5)
attempt(s.truncate, -1)
attempt(s.write, 1)
attempt(s.write, b"x")
attempt(s.read, "x")
attempt(s.readline, 1.5)
attempt(s.fileno)
attempt(s.detach)
attempt(io.StringIO, 1)
attempt(io.StringIO, "", 1)
attempt(io.StringIO, "", "x")
attempt(io.StringIO, "", newline="\n\n")
s.close()
for name in ["read", "readline", "getvalue", "tell", "readable", "flush", "readlines", "__enter__"]:
    attempt(getattr(s, name))
attempt(s.write, "x")
attempt(s.seek, 0)
attempt(next, s)
print(s.closed)

b = io.BytesIO(b"abc")
attempt(b.seek, -1)
attempt(b.seek, 0, 3)
attempt(b.truncate, -1)
attempt(b.write, "x")
attempt(b.read, "x")
attempt(b.fileno)
attempt(io.BytesIO, "x")
attempt(io.BytesIO, 5)
b.close()
for name in ["read", "getvalue", "tell", "readable", "flush"]:
    attempt(getattr(b, name))
attempt(b.write, b"x")
attempt(next, b)
print(b.closed, issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
