# binascii.hexlify / b2a_hex: separators grouped from the right (positive bytes_per_sep) or
# the left (negative), any buffer as input, and the argument errors.
import array
import binascii

print(binascii.hexlify(b'\x00\x01\xfe\xff'))
print(binascii.b2a_hex(bytearray(b'abc')), binascii.hexlify(memoryview(b'xyz')))
print(binascii.hexlify(array.array('H', [1, 2])))
print(binascii.hexlify(b''), binascii.hexlify(b'', ':'))
for sep, per in [(':', 1), (b'-', 2), ('_', -2), (' ', 3), (':', -4), (':', 10), (':', 0)]:
    print(repr(sep), per, binascii.hexlify(b'\x01\x02\x03\x04\x05', sep, per))
print(binascii.hexlify(b'abcdef', sep='|', bytes_per_sep=2))
print(binascii.b2a_hex(data=b'\x10'))

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(binascii.hexlify, 'text')
attempt(binascii.hexlify, 5)
attempt(binascii.hexlify, b'ab', '::')
attempt(binascii.hexlify, b'ab', '\xe9')
attempt(binascii.hexlify, b'ab', b'\xff')
attempt(binascii.hexlify, b'ab', [1, 2])
attempt(binascii.hexlify, b'ab', bytearray(b':'))
attempt(binascii.hexlify, b'ab', 5)
attempt(binascii.hexlify, b'ab', '\u20ac')
attempt(binascii.hexlify, b'ab', ':', 'x')
attempt(binascii.hexlify)
