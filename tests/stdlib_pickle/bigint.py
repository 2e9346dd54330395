# Big ints: LONG (protocols 0/1, with the trailing L), LONG1 and LONG4 (more than 255 bytes).
import pickle
from _util import show
for v in [2**64, -2**64, 10**30, -(10**30), 2**127 - 1, -2**127, 255 << 40, -(255 << 40),
          2**2039, -2**2039, 2**2040 - 1, -2**2040]:
    show('%d bits' % v.bit_length(), v, protos=(2, 4))
    for p in (0, 1, 3, 5):
        data = pickle.dumps(v, p)
        print(' ', p, len(data), data[:12], data[-6:], pickle.loads(data) == v)
big = 7 ** 5000
for p in range(6):
    data = pickle.dumps([big, -big, big], p)
    print(p, len(data), data[:16], pickle.loads(data) == [big, -big, big])
print(pickle.encode_long(0), pickle.encode_long(255), pickle.encode_long(-128),
      pickle.encode_long(-129), pickle.encode_long(32767))
print(pickle.decode_long(b''), pickle.decode_long(b'\xff\x00'), pickle.decode_long(b'\x80'))
