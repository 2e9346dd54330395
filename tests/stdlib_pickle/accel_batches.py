# Batching (1000 items per APPENDS/SETITEMS/ADDITEMS) and protocol 4+ framing around 64 KiB as
# the native dispatcher writes them: sizes on each side of the boundaries, to dumps() and to a
# file (which receives one write per committed frame and large payloads on their own).
import hashlib
import io
import pickle


class Chunks:
    def __init__(self):
        self.sizes = []
        self.data = []

    def write(self, b):
        self.sizes.append(len(b))
        self.data.append(bytes(b))


def digest(data):
    return hashlib.sha256(data).hexdigest()[:16]


def check(label, obj):
    for proto in range(6):
        data = pickle.dumps(obj, proto)
        f = Chunks()
        pickle.Pickler(f, proto).dump(obj)
        back = pickle.loads(data)
        print(label, proto, len(data), digest(data), b''.join(f.data) == data, f.sizes,
              back == obj)


for n in (0, 1, 2, 999, 1000, 1001, 2000, 2001):
    check('list %d' % n, list(range(n)))
    check('dict %d' % n, {i: -i for i in range(n)})
    check('set %d' % n, set(range(n)))
    check('frozenset %d' % n, frozenset(range(n)))
    check('tuple %d' % n, tuple(range(n)))

for n in (65535 - 20, 65535, 65536, 65537, 70000):
    check('bytes %d' % n, [b'a' * n, 1])
    check('str %d' % n, ['b' * n, 2])
    check('bytearray %d' % n, [bytearray(b'c' * n), 3])

# Many small items whose total crosses 64 KiB once, twice, and right at the boundary.
for count in (6550, 6553, 6554, 13200):
    check('strs %d' % count, ['%08d' % i for i in range(count)])
check('mixed big', [list(range(3000)), 'x' * 100000, {str(i): i for i in range(3000)},
                    b'y' * 65536, set(range(3000))])

# Integers of every opcode size, and their boundaries.
ints = [0, 1, 255, 256, 65535, 65536, -1, -128, -129, 2 ** 31 - 1, 2 ** 31, -2 ** 31,
        -2 ** 31 - 1, 2 ** 63 - 1, 2 ** 63, -2 ** 63, -2 ** 63 - 1, 2 ** 64, 255 ** 300,
        -(255 ** 300), 2 ** 2040 - 1, 2 ** 2047, -2 ** 2047, 2 ** 2048]
for proto in range(6):
    data = pickle.dumps(ints, proto)
    print(proto, digest(data), pickle.loads(data) == ints)
print(pickle.dumps([2 ** 63, -2 ** 63, 2 ** 64 - 1, -2 ** 64, 2 ** 31, -2 ** 31 - 1], 2))

# Floats, strings with surrogates and non-ASCII text, empty containers.
floats = [0.0, -0.0, 1.5, 1e300, float('inf'), -float('inf'), 1 / 3]
for proto in range(6):
    print(proto, pickle.dumps(floats, proto))
texts = ['', 'abc', 'é', '\u20ac', '\U0001f600', 'a\udc80b', '\ud800', '\\\n\r\0\x1a']
for proto in range(6):
    data = pickle.dumps(texts, proto)
    print(proto, data, pickle.loads(data) == texts)
print(pickle.dumps([(), [], {}, set(), frozenset(), b'', bytearray()], 5))
