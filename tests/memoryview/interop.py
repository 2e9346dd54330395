# memoryview and other buffers with bytes, bytearray and their methods.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

mv = memoryview(b"abcd")
print(bytes(mv), bytes(mv[::2]), bytes(mv[::-1]), bytearray(mv), bytearray(mv[1::2]))
print(b"".join([mv]), b"-".join([mv, b"x", bytearray(b"y")]), bytearray(b",").join([mv[1:]]))
print(b"ab" + mv, bytearray(b"ab") + mv, b"x" + mv[1:])
ba = bytearray(b"12")
ba += mv
ba.extend(mv[1::2].tobytes())
ba[0:1] = mv[:2]
ba[::3] = memoryview(b"QRS")
print(ba)
print(b"abcd".find(mv[1:3]), b"abcd".index(memoryview(b"d")), b"xabcd".count(mv[:1]), mv[1:3].tobytes() in b"abcd")
print(memoryview(b"b") in [mv], b"bc" in b"abcd", memoryview(b"bc") in bytearray(b"abcd"))
print(b"abcd".startswith(mv[:2]), b"abcd".endswith((b"x", mv[2:])), b"abcd".replace(mv[:1], memoryview(b"Z")))
print(b"a,b".split(memoryview(b",")), b"xxaxx".strip(memoryview(b"x")), [bytes(x) for x in b"abc".partition(memoryview(b"b"))])
print(bytearray(b"abc") == mv[:3], bytearray(b"abc") != mv, bytearray(b"abc") < memoryview(b"abd"))
print(bytes(memoryview(b"a").cast("c")), bytes(memoryview(bytearray(b"abcd")).cast("H")), list(bytes(memoryview(bytes(8)).cast("d"))))
print(bytes(memoryview(bytes(range(12))).cast("B", [3, 4])), bytes(memoryview(bytes(range(6))).cast("B", [2, 3])[::-1]))
t(lambda: b"".join([mv[::2]]))
t(lambda: b"abcd".find(mv[::2]))
t(lambda: b"ab" + memoryview(b"cd")[::2])
t(lambda: bytearray(b"ab") + memoryview(b"cd")[::2])
t(lambda: bytearray(b"ab").extend(memoryview(b"cd")[::2]))
t(lambda: bytearray(b"ab").__iadd__(memoryview(b"cd")[::2]))
t(lambda: b"abcd".startswith(mv[::2]))
t(lambda: b"abcd".startswith("a"))
t(lambda: b"ab" + "c")
m2 = memoryview(b"z")
m2.release()
t(lambda: b"ab" + m2)
t(lambda: b"ab".find(m2))
t(lambda: bytes(m2))
t(lambda: bytearray(m2))
t(lambda: b"".join([m2]))
# a class that exports a buffer through __buffer__ (PEP 688)
class Buf:
    def __buffer__(self, flags):
        return memoryview(b"custom")
print(bytes(memoryview(Buf())), b"".join([Buf()]), bytes(Buf()))
class Bad:
    def __buffer__(self, flags):
        return b"no"
t(lambda: memoryview(Bad()))
import collections.abc
print(isinstance(mv, collections.abc.Buffer), isinstance(b"", collections.abc.Buffer), isinstance(Buf(), collections.abc.Buffer))
print(isinstance(mv, collections.abc.Sequence))
