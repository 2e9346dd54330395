# dis.dis writes to sys.stdout by default and returns None.
import dis, io, sys
def f():
    return 1
saved = sys.stdout
sys.stdout = buf = io.StringIO()
try:
    result = dis.dis(f)
finally:
    sys.stdout = saved
print(result, len(buf.getvalue()) > 0, buf.getvalue().count("\n") >= 1)
