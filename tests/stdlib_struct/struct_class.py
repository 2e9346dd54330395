# The Struct class, iter_unpack, the cache, and the module's names.
import struct

s = struct.Struct('<ihd')
print(type(s), s.format, s.size, type(s.format))
print(s.pack(1, 2, 3.5), s.unpack(s.pack(1, 2, 3.5)))
print(s.unpack_from(b'\x00' * 3 + s.pack(-1, -2, -0.5), 3), s.unpack_from(buffer=s.pack(4, 5, 6.0)))
b = bytearray(16)
s.pack_into(b, 1, 7, 8, 9.0)
print(b, s.unpack_from(b, offset=1))
t = struct.Struct(b'>H')
print(t.format, t.size, t.pack(258))
for attr in ('format', 'size'):
    try:
        setattr(s, attr, 1)
    except AttributeError as e:
        print('AttributeError')

it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
print(list(it), it.__length_hint__(), list(it))
print(list(struct.Struct('>2B').iter_unpack(bytearray(b'abcdef'))))
print(list(struct.iter_unpack('<i', b'')))
print(iter(it) is it)

class MyStruct(struct.Struct):
    def __init__(self, fmt):
        super().__init__(fmt)
        self.extra = 'x'

m = MyStruct('<q')
print(type(m).__name__, m.size, m.extra, m.pack(5))

for _ in range(3):
    for i in range(150):
        struct.calcsize('<%di' % i)
struct._clearcache()
print(struct.calcsize('<7i'))
print(sorted(struct.__all__))
print(struct.Struct.__module__, struct.Struct.__name__, struct.error.__module__)
print(struct.__doc__.splitlines()[0])
print(isinstance(struct.error('x'), Exception))
try:
    struct.unpack('<h', b'')
except struct.error as e:
    print(repr(e), e.args)
