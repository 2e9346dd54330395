# tofile writes in 64 KiB blocks; fromfile reads n items (EOFError when short, after appending
# the whole items it got); errors for bad files, counts and read() results.
import array, io, os, tempfile

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

class Recorder:
    def __init__(self):
        self.chunks = []
    def write(self, b):
        self.chunks.append((type(b).__name__, len(b)))

r = Recorder()
array.array('i', range(30000)).tofile(r)
print(r.chunks)
r = Recorder()
array.array('i').tofile(r)
print(r.chunks)

buf = io.BytesIO()
array.array('h', [1, -2, 3]).tofile(buf)
print(buf.getvalue())
buf.seek(0)
a = array.array('h')
a.fromfile(buf, 2)
print(a)
t('short read', lambda: a.fromfile(buf, 5))
print(a)
buf = io.BytesIO(b'\x01\x00\x02')
t('partial item', lambda: a.fromfile(buf, 2))
print(a)
t('zero', lambda: a.fromfile(io.BytesIO(b''), 0))
t('negative', lambda: a.fromfile(io.BytesIO(b''), -1))
t('huge', lambda: a.fromfile(io.BytesIO(b''), 2 ** 62))
t('overflow', lambda: a.fromfile(io.BytesIO(b''), 2 ** 70))
t('str count', lambda: a.fromfile(io.BytesIO(b''), '1'))
t('no read', lambda: a.fromfile(42, 1))
t('no write', lambda: a.tofile(42))
t('text file', lambda: a.fromfile(io.StringIO('abcd'), 1))
t('one arg', lambda: a.fromfile(io.BytesIO()))
t('tofile no args', lambda: a.tofile())

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'data.bin')
    with open(path, 'wb') as f:
        array.array('d', [0.5, 1.5, 2.5]).tofile(f)
    print(os.path.getsize(path))
    b = array.array('d')
    with open(path, 'rb') as f:
        b.fromfile(f, 3)
    print(b)
