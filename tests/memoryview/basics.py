# memoryview construction, attributes, indexing, slicing and conversions.
import re

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

b = b"abcdefgh"
mv = memoryview(b)
print(type(mv).__name__, len(mv), mv.readonly, mv.nbytes, mv.itemsize, mv.format, mv.ndim)
print(mv.shape, mv.strides, mv.suboffsets, mv.obj is b)
print(mv.contiguous, mv.c_contiguous, mv.f_contiguous)
print(re.sub(r"0x[0-9a-fA-F]+", "ADDR", repr(mv)))
print(mv[0], mv[-1], mv[True], mv.tobytes(), mv.tolist())
print(mv[1:7:2].tobytes(), mv[1:7:2].strides, mv[1:7:2].contiguous, mv[::-1].tobytes())
print(mv[::2].tolist(), mv[5:1:-2].tolist(), mv[10:].tobytes(), len(mv[3:3]))
print(mv[2:][1:][0], mv[::2][::2].tobytes(), mv[(1,)])
print(list(mv[:3]), 98 in mv, 200 in mv, list(reversed(mv[:3])))
print(mv.hex(), mv.hex(":"), mv.hex(":", 3), mv.hex("-", -3), mv[::2].hex())
print(mv.tobytes("C"), mv.tobytes(order="F"), mv.tobytes(None), mv.tobytes("A"))
m2 = memoryview(mv)
print(m2.obj is b, m2 == mv, m2 is mv)
print(memoryview(bytearray(b"xyz")).readonly, memoryview(b"xyz").toreadonly().readonly)
ro = memoryview(bytearray(b"xyz")).toreadonly()
print(ro.readonly, ro.tobytes(), ro.obj)
print(type(iter(mv)).__name__, next(iter(mv)))
t(lambda: memoryview("ab"))
t(lambda: memoryview(1))
t(lambda: memoryview())
t(lambda: memoryview(b"a", b"b"))
t(lambda: memoryview(object=b"ab").tobytes())
t(lambda: mv[10])
t(lambda: mv[-9])
t(lambda: mv["a"])
t(lambda: mv[1.0])
t(lambda: mv[1, 2])
t(lambda: mv[[1]])
t(lambda: mv[...])
t(lambda: mv[::0])
t(lambda: mv.tobytes("X"))
t(lambda: mv.tobytes(1))
t(lambda: mv < mv)
t(lambda: memoryview.__name__)
t(lambda: isinstance(mv, memoryview))
try:
    class C(memoryview): pass
except TypeError as e:
    print("TypeError:", e)
