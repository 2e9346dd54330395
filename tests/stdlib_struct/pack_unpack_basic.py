# pack/unpack/calcsize over every format character, with standard sizes and both byte orders.
import struct

for order in '<>!=':
    for code in 'bBhHiIlLqQ':
        fmt = order + code
        size = struct.calcsize(fmt)
        for v in (0, 1, -1, 127, 128, 255, 2**15 - 1, -2**15, 2**31 - 1, -2**31, 2**63 - 1, -2**63, 2**64 - 1):
            try:
                b = struct.pack(fmt, v)
            except struct.error as e:
                print(fmt, v, 'error:', e)
                continue
            back = struct.unpack(fmt, b)
            print(fmt, size, v, b.hex(), back, back[0] == v)

print(struct.pack('<c', b'x'), struct.unpack('<c', b'\xff'))
print(struct.pack('<?', 0), struct.pack('<?', 'x'), struct.pack('<?', []), struct.unpack('<???', b'\x00\x01\x02'))
print(struct.pack('>3s', b'ab'), struct.pack('>3s', b'abcdef'), struct.pack('<3s', bytearray(b'q')))
print(struct.unpack('<3s', b'xyz'), struct.unpack('<0s', b''), struct.pack('<0s', b'abc'))
print(struct.pack('<5p', b'abc'), struct.pack('<3p', b'abcdef'), struct.unpack('<5p', b'\x03abcd'), struct.unpack('<3p', b'\x09ab'))
print(struct.pack('<300p', b'x' * 300)[:2], len(struct.pack('<300p', b'x' * 300)))
print(struct.pack('<2x'), struct.pack('<h2xh', 1, 2), struct.unpack('<h2xh', b'\x01\x00\xaa\xbb\x02\x00'))
print(struct.pack('<3h', 1, 2, 3), struct.unpack('<3h2B', bytes(range(8))))
print(struct.pack(b'<i', 7), struct.unpack(b'>H', b'\x01\x02'))
print(struct.pack('< i  h ', 1, 2), struct.calcsize('<\t i\n'))
print(struct.pack('<0i'), struct.calcsize('<0q'), struct.pack(''), struct.unpack('', b''))

class Idx:
    def __index__(self):
        return 42
print(struct.pack('<i', Idx()), struct.pack('<i', True), struct.pack('<Q', False))
print(struct.unpack('<qQ', b'\xff' * 16))
