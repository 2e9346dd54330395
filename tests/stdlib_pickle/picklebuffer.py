# PickleBuffer and protocol 5's out-of-band buffers: buffer_callback decides in-band (bytes or
# bytearray payloads) or out-of-band (NEXT_BUFFER, READONLY_BUFFER), and loads(buffers=...)
# supplies them back.
import pickle
from pickle import PickleBuffer
from _util import err


class ZeroCopy:
    def __init__(self, data):
        self.data = data

    def __reduce_ex__(self, protocol):
        if protocol >= 5:
            return type(self)._rebuild, (PickleBuffer(self.data),)
        return type(self)._rebuild, (bytes(self.data),)

    @classmethod
    def _rebuild(cls, obj):
        with memoryview(obj) as m:
            return cls(obj if isinstance(obj, bytearray) else m.tobytes())


print(type(PickleBuffer).__name__, PickleBuffer.__module__, PickleBuffer.__name__)
pb = PickleBuffer(b'abc')
print(bytes(pb), bytes(pb.raw()), pb.raw().readonly, memoryview(pb).readonly)
pbw = PickleBuffer(bytearray(b'xyz'))
print(memoryview(pbw).readonly, pbw.raw().format, pbw.raw().nbytes)
for obj in (pb, pbw):
    d = pickle.dumps(obj, 5)
    print(d, repr(pickle.loads(d)))
    err(pickle.dumps, obj, 4)
pb.release()
err(bytes, pb)
err(pb.raw)
err(pickle.dumps, pb, 5)
err(PickleBuffer, 1)
err(pickle.dumps, PickleBuffer(b'x'), 5, buffer_callback=1)

for data in (b'readonly data', bytearray(b'writable data')):
    obj = ZeroCopy(data)
    for p in (4, 5):
        print(p, pickle.dumps(obj, p))
    buffers = []
    d = pickle.dumps(obj, 5, buffer_callback=buffers.append)
    print(d, len(buffers), [bytes(b) for b in buffers])
    r = pickle.loads(d, buffers=buffers)
    print(type(r.data).__name__, r.data)
    err(pickle.loads, d)
    err(pickle.loads, d, buffers=[])
    err(pickle.loads, d, buffers=None)
    d2 = pickle.dumps(obj, 5, buffer_callback=lambda b: True)
    print(d2 == pickle.dumps(obj, 5))
# The buffers given back may be any bytes-like objects; READONLY_BUFFER makes a read-only view.
d = pickle.dumps(PickleBuffer(b'ro'), 5, buffer_callback=lambda b: False)
r = pickle.loads(d, buffers=[bytearray(b'RW')])
print(d, type(r).__name__, bytes(r), r.readonly)
d = pickle.dumps(PickleBuffer(bytearray(b'rw')), 5, buffer_callback=lambda b: False)
r = pickle.loads(d, buffers=iter([bytearray(b'RW')]))
print(d, type(r).__name__, r)
big = PickleBuffer(bytes(70000))
d = pickle.dumps([1, big, 2], 5)
print(len(d), d[:14], d[-8:])
