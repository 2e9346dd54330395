# Protocol 4+ framing: small pickles have no frame, frames close at 64 KiB on an opcode boundary,
# large bytes/str payloads are written outside frames, and dump() to a file writes the same
# bytes as dumps(), frame by frame.
import hashlib
import io
import pickle


def frames(data):
    """Offsets and lengths of the FRAME opcodes at the top level of data (via the stream)."""
    out = []
    pos = 2
    while pos < len(data) and data[pos] == 0x95:
        n = int.from_bytes(data[pos + 1:pos + 9], 'little')
        out.append((pos, n))
        pos += 9 + n
    return out


class CountingFile:
    def __init__(self):
        self.chunks = []

    def write(self, b):
        self.chunks.append(bytes(b))


for obj in (None, 1, 300, 'ab', [1, 2], list(range(20000)), [b'x' * 70000, 'y' * 70000, 1],
            ['s%d' % i for i in range(10000)], {i: str(i) for i in range(6000)}):
    for p in (4, 5):
        d = pickle.dumps(obj, p)
        f = CountingFile()
        pickle.dump(obj, f, p)
        joined = b''.join(f.chunks)
        print(p, len(d), d[:11], hashlib.sha256(d).hexdigest()[:12], frames(d)[:3],
              joined == d, len(f.chunks), pickle.loads(d) == obj,
              pickle.load(io.BytesIO(d)) == obj)
# Reading from a file that returns frames piece by piece.
buf = io.BytesIO()
pk = pickle.Pickler(buf, 4)
for i in range(3):
    pk.dump({'i': i, 'data': list(range(i * 5000))})
buf.seek(0)
up = pickle.Unpickler(buf)
print([len(up.load()['data']) for _ in range(3)], buf.read())
