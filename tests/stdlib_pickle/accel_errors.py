# Errors raised while the native dispatcher and loader run: unpicklable objects inside native
# containers, containers changing size while pickled, deep nesting (RecursionError, no crash),
# and corrupt or truncated pickles at each byte (CPython's UnpicklingError/EOFError messages).
import io
import pickle


def err(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print('  ', type(e).__name__ + ':', e)
    else:
        print('   no error:', ascii(r) if not isinstance(r, (list, dict, bytes)) else type(r).__name__)


class Refuses:
    def __reduce__(self):
        raise ValueError('refused')


def local():
    class Local:
        pass
    return Local


for proto in range(6):
    print('proto', proto)
    err(pickle.dumps, [1, 'a', (2, {'k': (i for i in ())})], proto)
    err(pickle.dumps, {'a': [local()]}, proto)
    err(pickle.dumps, ({1, 2}, [frozenset({Refuses()})]), proto)
    err(pickle.dumps, [1, (2, Refuses())], proto)
    err(pickle.dumps, {3: {4, Refuses()}}, proto)


class Grower:
    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        if isinstance(self.target, dict):
            self.target['new%d' % len(self.target)] = 0
        elif isinstance(self.target, set):
            self.target.add(len(self.target) + 100)
        else:
            self.target.append(0)
        return int, (7,)


d = {'a': 1}
d['g'] = Grower(d)
d['z'] = 2
s = {1, 2}
s.add(Grower(s))
lst = [1]
lst.append(Grower(lst))
for proto in (2, 4, 5):
    print('grow', proto)
    err(pickle.dumps, d, proto)
    err(pickle.dumps, s, proto)
    print('  ', len(pickle.loads(pickle.dumps(lst, proto))))

deep = []
x = deep
for i in range(50000):
    x.append([])
    x = x[0]
deep_t = ()
for i in range(50000):
    deep_t = (deep_t, 1)
deep_d = {}
x = deep_d
for i in range(50000):
    x['k'] = {}
    x = x['k']
for proto in range(1, 6):
    for obj in (deep, deep_t, deep_d):
        err(pickle.dumps, obj, proto)
        err(pickle.Pickler(io.BytesIO(), proto).dump, obj)

# Truncated pickles: every prefix of a few pickles of each protocol, through loads and load.
samples = [[1, 'abc', (2.5, None, True)], {'k': [b'xy', 300, 70000, 2 ** 40]},
           ((), [], {}, {1}, frozenset({2}))]
for proto in range(6):
    for obj in samples:
        data = pickle.dumps(obj, proto)
        seen = []
        for n in range(len(data)):
            for load in (pickle.loads, lambda b: pickle.Unpickler(io.BytesIO(b)).load()):
                try:
                    load(data[:n])
                except Exception as e:
                    msg = type(e).__name__ + ': ' + str(e)
                else:
                    msg = 'loaded'
                if msg not in seen:
                    seen.append(msg)
        print(proto, seen)

# Corrupt pickles: bad opcodes, stack underflow, marks, memo misses, wrong targets.
corrupt = [b'', b'\x80\x05', b'\xff', b'\x80\x06N.', b'N\xfe.', b'K', b'(.', b'0.', b'N0.',
           b'(N0.', b'(t.', b't.', b'\x85.', b'N\x86.', b'(N\x87.', b'a.', b']a.', b'N]Na.',
           b'(Na.', b'e.', b']Ne.', b'](Ne.', b'N(Ne.', b's.', b'}N.', b'}Ns.', b'}(Nu.',
           b'}(NNNu.', b'}(]Nu.', b'}(N]Nu.', b'\x8f(N\x90.', b'N(N\x90.', b'](]\x90.',
           b'h\x00.', b'j\x00\x00\x00\x00.', b'q\x00.', b'\x94.', b'N\x94h\x01.', b'1.',
           b'(1.', b'2.', b'N2.', b'\x95\x05\x00\x00\x00\x00\x00\x00\x00N.',
           b'\x95\x02\x00\x00\x00\x00\x00\x00\x00N.', b'X\x02\x00\x00\x00\xff\xfe.',
           b'\x8c\x01\x80.', b'\x8c\x03\xed\xa0\x80.', b'C\x05ab.', b'B\x01\x00\x00\x00',
           b'\x8a\x09\x00\x00\x00\x00\x00\x00\x00\x00\x80.', b'\x8a\x02\xff\x7f.',
           b'\x8a\x01\xff.', b'\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x80.', b'G\x00\x00\x00',
           b'(N(N\x91\x91.', b'N(Nt\x85.', b'}(N]s.', b'](Na.']
for data in corrupt:
    print(data)
    err(pickle.loads, data)
    err(lambda b: pickle.Unpickler(io.BytesIO(b)).load(), data)
