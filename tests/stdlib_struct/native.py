# '@' (native) sizes and alignment and '=' (standard sizes, native order), fixed on x86-64 Linux.
import struct

for fmt in ('@c', '@b', '@B', '@?', '@h', '@H', '@i', '@I', '@l', '@L', '@q', '@Q', '@n', '@N',
            '@P', '@e', '@f', '@d', 'i', 'bhiq', 'ci', 'c0i', 'cq', 'qc', 'bd', '3x2h?d',
            'hcP', 'ch', '5s2h', '5p2h', '=l', '=L', '=q', '=bhiq', '=ci'):
    print(fmt, struct.calcsize(fmt))
print(struct.pack('ci', b'a', 1))
print(struct.pack('bq', 1, 2))
print(struct.pack('@n', -2), struct.pack('@N', 2**64 - 1), struct.pack('@P', 2**63))
print(struct.unpack('@nNP', struct.pack('@nNP', -5, 6, 7)))
print(struct.unpack('bq', struct.pack('bq', -1, -2)))
print(struct.pack('=ci', b'a', 1), struct.pack('@l', 2**40))
print(struct.unpack('@?', b'\x05'))
print(struct.pack('@e', 1.5), struct.unpack('@e', b'\x00<'))
