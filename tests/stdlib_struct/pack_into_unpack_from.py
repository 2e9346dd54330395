# pack_into / unpack_from with offsets (negative too), memoryviews and bytearrays.
import struct

buf = bytearray(12)
struct.pack_into('<hi', buf, 0, 1, 2)
print(buf)
struct.pack_into('<h', buf, 10, -1)
print(buf)
struct.pack_into('>h', buf, -4, 0x1234)
print(buf)
print(struct.pack_into('<B', buf, -1, 9), buf)
mv = memoryview(buf)
struct.pack_into('<I', mv, 2, 0xdeadbeef)
print(buf.hex())
struct.pack_into('<H', mv[4:], 0, 0xabcd)
print(buf.hex())
print(struct.unpack_from('<hi', buf), struct.unpack_from('<hi', buf, 2), struct.unpack_from('<h', buf, -2))
print(struct.unpack_from('<h', buffer=buf, offset=4), struct.unpack_from('<B', mv, offset=-12))
print(struct.unpack('<i', memoryview(b'abcdefgh')[2:6]), struct.unpack('<i', bytearray(b'wxyz')))

def attempt(f, *args):
    try:
        print('ok', f(*args))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(struct.pack_into, '<i', b'123456', 0, 1)
attempt(struct.pack_into, '<i', memoryview(b'123456'), 0, 1)
attempt(struct.pack_into, '<i', 'abc', 0, 1)
attempt(struct.pack_into, '<i', bytearray(6), 3, 1)
attempt(struct.pack_into, '<i', bytearray(6), -3, 1)
attempt(struct.pack_into, '<i', bytearray(6), -9, 1)
attempt(struct.pack_into, '<i', bytearray(6))
attempt(struct.pack_into, '<i', bytearray(6), 0)
attempt(struct.pack_into, '<i', bytearray(6), 0, 1, 2)
attempt(struct.pack_into, '<i')
attempt(struct.pack_into)
attempt(struct.pack_into, '<i', bytearray(6), 'a', 1)
attempt(struct.pack_into, '<i', bytearray(6), 2**70, 1)
# a failed pack_into leaves the buffer alone
b = bytearray(b'\x11' * 8)
attempt(struct.pack_into, '<hh', b, 0, 1, 2**20)
print(b)
