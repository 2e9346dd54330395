# struct.error and TypeError messages: ranges, bad formats, argument counts, buffer sizes.
import struct

def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('ok', r)

print(struct.error, struct.error.__mro__)
for fmt in ('<b', '<B', '<h', '<H', '<i', '<I', '<l', '<L', '<q', '<Q', '@n', '@N', '@P', '@l', '@L'):
    for v in (-2**64, -2**63 - 1, -1, 2**64, 2**32, 2**16, 256, 1.0, '1', None):
        print(fmt, v, end=' ')
        attempt(struct.pack, fmt, v)

attempt(struct.pack, '<c', b'ab')
attempt(struct.pack, '<c', 'a')
attempt(struct.pack, '<c', bytearray(b'a'))
attempt(struct.pack, '<s', 'abc')
attempt(struct.pack, '<p', 1)
attempt(struct.pack, '<hh', 1)
attempt(struct.pack, '<h', 1, 2)
attempt(struct.pack, '<3s')
attempt(struct.pack)
attempt(struct.pack, 5)
attempt(struct.pack, '12')
attempt(struct.pack, 'i\0')
attempt(struct.pack, '<y')
attempt(struct.pack, '<P', 1)
attempt(struct.pack, '=n', 1)
attempt(struct.pack, '>N', 1)
attempt(struct.pack, '2 i', 1)
attempt(struct.pack, ' <i', 1)
attempt(struct.calcsize, '99999999999999999999q')
attempt(struct.calcsize, '9223372036854775807x')
attempt(struct.calcsize, '9223372036854775807h')
attempt(struct.calcsize, 'é')
attempt(struct.calcsize, b'\xff')
attempt(struct.calcsize)
attempt(struct.calcsize, 'i', 'i')

attempt(struct.unpack, '<i', b'12')
attempt(struct.unpack, '<i', b'12345')
attempt(struct.unpack, '<i')
attempt(struct.unpack, '<i', 'abcd')
attempt(struct.unpack, '<i', b'1234', 1)
attempt(struct.unpack_from, '<i')
attempt(struct.unpack_from, '<i', b'1234', 0, 1)
attempt(struct.unpack_from, '<i', b'123456', 3)
attempt(struct.unpack_from, '<i', b'123456', -3)
attempt(struct.unpack_from, '<i', b'123456', -7)
attempt(struct.unpack_from, '<i', b'123456', 'a')
attempt(struct.unpack_from, '<i', b'123456', offset=2.0)
attempt(struct.iter_unpack, '', b'')
attempt(struct.iter_unpack, '<h', b'123')
attempt(struct.iter_unpack, '<h', 'ab')
attempt(struct.Struct)
attempt(struct.Struct, 3)
attempt(struct.Struct, 'q', 'q')
attempt(struct.Struct, 'z')

s = struct.Struct('<2h')
attempt(s.pack, 1)
attempt(s.unpack)
attempt(s.unpack, b'1234', b'')
attempt(s.unpack_from)
attempt(s.unpack_from, b'12', offset=1)
attempt(s.unpack_from, b'1234', nope=1)
attempt(s.iter_unpack, b'12345')
attempt(s.iter_unpack)
attempt(s.pack_into)
attempt(s.pack_into, bytearray(4))
attempt(s.pack, 1, 2, x=3)
for f, a in [(struct.pack, ('i', 1)), (struct.pack_into, ('i', bytearray(4), 0, 1)),
             (struct.unpack, ('i', b'1234')), (struct.iter_unpack, ('i', b'1234')),
             (struct.calcsize, ('i',)), (s.pack_into, (bytearray(4), 0, 1)),
             (s.unpack, (b'1234',)), (s.iter_unpack, (b'1234',))]:
    attempt(f, *a, x=1)
