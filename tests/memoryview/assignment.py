# Assigning through a memoryview of writable memory.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

ba = bytearray(b"abcdef")
m = memoryview(ba)
m[0] = 65
m[-1] = 70
print(ba)
m[1:3] = b"BC"
print(ba)
m[::2] = b"xyz"
print(ba)
m[1::2] = bytearray(b"123")
print(ba)
m[:] = memoryview(b"UVWXYZ")
print(ba)
m[0:3] = m[3:6]
print(ba)
m[::-1] = b"abcdef"
print(ba)
m[2:4] = memoryview(b"0123456")[1::3]
print(ba)
def s(k, v):
    def f():
        m[k] = v
        return ba
    return f
t(s(0, 300))
t(s(0, -1))
t(s(0, "a"))
t(s(0, 1.5))
t(s(0, b"a"))
t(s(0, True))
t(s(10, 1))
t(s(slice(0, 2), b"xyz"))
t(s(slice(0, 2), "xy"))
t(s(slice(0, 2), [1, 2]))
t(s(slice(0, 2), memoryview(b"abcd").cast("H")[:1]))
t(s("a", 1))
def d():
    del m[0]
t(d)
ro = memoryview(b"abc")
def r():
    ro[0] = 1
t(r)
def r2():
    ro[0:1] = b"x"
t(r2)
def r3():
    memoryview(bytearray(4)).toreadonly()[0] = 1
t(r3)
h = memoryview(bytearray(8)).cast("h")
h[0] = -2
h[1] = 32767
t(s(0, 0) and (lambda: None))
def hs(v):
    def f():
        h[2] = v
        return h.tolist()
    return f
t(hs(-32768))
t(hs(32768))
t(hs("1"))
print(h.tolist(), h.obj)
d8 = memoryview(bytearray(16)).cast("d")
d8[0] = 1.5
d8[1] = 3
print(d8.tolist())
t(lambda: d8.__setitem__(0, "x"))
c = memoryview(bytearray(3)).cast("c")
c[0] = b"q"
print(c.tolist())
t(lambda: c.__setitem__(1, b"ab"))
t(lambda: c.__setitem__(1, 1))
q = memoryview(bytearray(8)).cast("Q")
q[0] = 2**64 - 1
print(q.tolist())
t(lambda: q.__setitem__(0, 2**64))
t(lambda: q.__setitem__(0, -1))
bq = memoryview(bytearray(2)).cast("?")
bq[0] = [1]
bq[1] = 0
print(bq.tolist())
