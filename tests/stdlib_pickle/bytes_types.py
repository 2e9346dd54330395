# bytes (codecs.encode reduction before protocol 3, SHORT_BINBYTES/BINBYTES after) and
# bytearray (reduced to bytearray(bytes) before protocol 5, BYTEARRAY8 from 5).
import pickle
from _util import show
for b in [b'', b'a', b'abc\x00\xff', bytes(range(256)), b'\x80' * 300]:
    for p in range(6):
        d = pickle.dumps(b, p)
        print(len(b), p, d if len(d) < 120 else (len(d), d[:40]), pickle.loads(d) == b)
for ba in [bytearray(), bytearray(b'xyz'), bytearray(b'\xff' * 3)]:
    show(repr(ba), ba)
r = pickle.loads(pickle.dumps(bytearray(b'ab'), 5))
print(type(r).__name__, r)
same = b'shared'
show('shared', [same, same])
print(pickle.loads(pickle.dumps([b'x', b'x'], 0)))
