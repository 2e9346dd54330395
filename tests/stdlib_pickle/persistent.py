# persistent_id / persistent_load: PERSID (protocol 0, ASCII text) and BINPERSID.
import io
import pickle


class Record:
    def __init__(self, key):
        self.key = key


DB = {'r1': Record('r1'), 'r2': Record('r2')}


class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Record):
            return obj.key
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        print('  persistent_load', repr(pid))
        return DB[pid]


for p in range(6):
    f = io.BytesIO()
    DBPickler(f, p).dump([DB['r1'], DB['r2'], DB['r1'], 'plain'])
    data = f.getvalue()
    print(p, data)
    r = DBUnpickler(io.BytesIO(data)).load()
    print('  ', r[0] is DB['r1'], r[1] is DB['r2'], r[2] is DB['r1'], r[3])

# Instance attributes work as well as methods.
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.persistent_id = lambda obj: 'ID' if obj == 42 else None
pk.dump([42, 43])
up = pickle.Unpickler(io.BytesIO(f.getvalue()))
up.persistent_load = lambda pid: ('loaded', pid)
print(f.getvalue(), up.load())

# Errors: non-ASCII ids in protocol 0, no persistent_load, a persistent_load that raises.
f = io.BytesIO()
pk = pickle.Pickler(f, 0)
pk.persistent_id = lambda obj: 'caf\xe9'
try:
    pk.dump(1)
except pickle.PicklingError as e:
    print('PicklingError:', e)
for data in (b'Pabc\n.', b'\x80\x02X\x01\x00\x00\x00aQ.'):
    try:
        pickle.loads(data)
    except pickle.UnpicklingError as e:
        print('UnpicklingError:', e)
up = pickle.Unpickler(io.BytesIO(b'P\xe9\n.'))
up.persistent_load = lambda pid: pid
try:
    up.load()
except pickle.UnpicklingError as e:
    print('UnpicklingError:', e)
up = pickle.Unpickler(io.BytesIO(b'Pkey\n.'))
up.persistent_load = lambda pid: 1 / 0
try:
    up.load()
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(hasattr(pickle.Pickler(io.BytesIO()), 'persistent_id'),
      hasattr(pickle.Unpickler(io.BytesIO()), 'persistent_load'))
