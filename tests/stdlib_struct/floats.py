# 'e', 'f' and 'd': half, single and double precision, both byte orders.
import math
import struct

vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1/3, 65504.0, 65519.99, 6.1e-5, 5.96e-8, 2.98e-8, 3e-8,
        1e-10, 1.0009765625, 1.00048828125, 1.00146484375, 2049.0, 2051.0, float('inf'), float('-inf'), 3.4e38, 1e-45, 1e-46]
for order in '<>':
    for code in 'efd':
        fmt = order + code
        for v in vals:
            try:
                b = struct.pack(fmt, v)
            except (struct.error, OverflowError) as e:
                print(fmt, v, type(e).__name__, e)
                continue
            print(fmt, v, b.hex(), struct.unpack(fmt, b)[0])
for code in 'efd':
    b = struct.pack('<' + code, float('nan'))
    print(code, b.hex(), math.isnan(struct.unpack('<' + code, b)[0]))
    b = struct.pack('<' + code, -float('nan'))
    print(code, b.hex())
print(struct.pack('<d', 3), struct.pack('<f', True))
for bad in ('1', None, 2**1100, [1.0]):
    try:
        struct.pack('<d', bad)
    except Exception as e:
        print(type(e).__name__, e)
print(struct.pack('@f', 1e300).hex(), struct.pack('=f', 2.5).hex())
try:
    struct.pack('=f', 1e300)
except OverflowError as e:
    print('OverflowError', e)
for bits in (0x0001, 0x03ff, 0x0400, 0x3c00, 0x7bff, 0x7c00, 0xfc00, 0x8000, 0xc000, 0x7e00):
    print(hex(bits), struct.unpack('<e', bits.to_bytes(2, 'little')))
class F:
    def __float__(self):
        return 2.25
print(struct.pack('<d', F()))
