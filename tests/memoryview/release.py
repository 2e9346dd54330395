# release(), the context manager and buffer exports of bytearray.
import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

ba = bytearray(b"abc")
m = memoryview(ba)
def op(f):
    def g():
        f()
        return ba
    return g
t(op(lambda: ba.append(1)))
t(op(lambda: ba.extend(b"x")))
t(op(lambda: ba.pop()))
t(op(lambda: ba.clear()))
t(op(lambda: ba.remove(97)))
t(op(lambda: ba.insert(0, 1)))
t(op(lambda: ba.__setitem__(slice(0, 1), b"zz")))
t(op(lambda: ba.__setitem__(slice(0, 1), b"z")))
t(op(lambda: ba.__delitem__(0)))
t(op(lambda: ba.__delitem__(slice(None, None, 2))))
t(op(lambda: ba.__setitem__(slice(None, None, 2), b"QR")))
t(op(lambda: ba.__iadd__(b"x")))
t(op(lambda: ba.__imul__(2)))
t(op(lambda: ba.__imul__(1)))
s = m[1:]
m.release()
t(op(lambda: ba.append(1)))
s.release()
t(op(lambda: ba.append(100)))
print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(m)))
for name, f in [("getitem", lambda: m[0]), ("len", lambda: len(m)), ("tobytes", m.tobytes),
                ("tolist", m.tolist), ("hex", m.hex), ("cast", lambda: m.cast("B")),
                ("slice", lambda: m[0:1]), ("nbytes", lambda: m.nbytes), ("obj", lambda: m.obj),
                ("readonly", lambda: m.readonly), ("format", lambda: m.format),
                ("shape", lambda: m.shape), ("contiguous", lambda: m.contiguous),
                ("hash", lambda: hash(m)), ("bytes", lambda: bytes(m)),
                ("memoryview", lambda: memoryview(m)), ("enter", m.__enter__),
                ("toreadonly", m.toreadonly), ("setitem", lambda: m.__setitem__(0, 1)),
                ("join", lambda: b"".join([m]))]:
    print(name, end=": ")
    t(f)
print(m == m, m == b"", m != m, m.release())

with memoryview(bytearray(b"xyz")) as v:
    print(v.tobytes(), v[0])
t(lambda: v[0])
b2 = bytearray(b"12")
with memoryview(b2) as v2:
    t(op(lambda: b2.append(1)))
b2.append(51)
print(b2)
# a view of a view keeps the export alive
b3 = bytearray(b"xy")
outer = memoryview(b3)
inner = memoryview(outer)
outer.release()
t(lambda: b3.append(1))
del inner
b3.append(122)
print(b3)
# a deleted view releases its export
b4 = bytearray(b"q")
v4 = memoryview(b4)[::1]
del v4
b4.append(114)
print(b4)
# an iterator keeps the view alive
b5 = bytearray(b"ab")
it = iter(memoryview(b5))
t(lambda: b5.append(1))
print(list(it))
del it
b5.append(99)
print(b5)
