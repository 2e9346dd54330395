# dis.dis accepts a function, a code object, or a source string; output for f and f.__code__ is the same.
import dis, io
def f(x):
    y = x * 2
    return y
def show(obj):
    buf = io.StringIO()
    dis.dis(obj, file=buf)
    return buf.getvalue()
print(show(f) == show(f.__code__), bool(show(f)))
src = show("z = 1 + 2")
print("source string disassembled:", "STORE" in src)
lam = show(lambda: 0)
print("lambda disassembled:", "RETURN" in lam)
