# Pickler/Unpickler objects reused across dump()/load(): the memo persists until clear_memo(),
# several pickles in one file, the memo proxies, and fast mode (no memo).
import io
import pickle

shared = ['shared']
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.dump(shared)
pk.dump(shared)
pk.clear_memo()
pk.dump(shared)
print(f.getvalue())
f.seek(0)
up = pickle.Unpickler(f)
a = up.load()
b = up.load()
c = up.load()
print(a, b, c, a is b, a is c)
print(sorted(up.memo.copy().items()), type(up.memo).__name__)
try:
    up.load()
except EOFError as e:
    print('EOFError:', e)

pk = pickle.Pickler(io.BytesIO(), 4)
pk.dump([shared, 'x'])
memo = pk.memo.copy()
print(type(pk.memo).__name__, len(memo), sorted(v[0] for v in memo.values()),
      all(k == id(v[1]) for k, v in memo.items()))
pk2 = pickle.Pickler(io.BytesIO(), 4)
pk2.memo = pk.memo
f2 = io.BytesIO()
pk2 = pickle.Pickler(f2, 2)
pk2.memo = {id(shared): (7, shared)}
pk2.dump([shared])
print(f2.getvalue())
for bad in (1, {1: 2}, {1: (1, 2, 3)}):
    try:
        pk2.memo = bad
    except TypeError as e:
        print('TypeError:', e)
up = pickle.Unpickler(io.BytesIO(b'h\x00.'))
up.memo = {0: 'from memo'}  # CPython 3.12 drops the items of a dict (see lib/_pickle.py)
try:
    print(up.load())
except pickle.UnpicklingError as e:
    print('UnpicklingError:', e)
other = pickle.Unpickler(io.BytesIO(b'X\x01\x00\x00\x00aq\x00.'))
other.load()
up = pickle.Unpickler(io.BytesIO(b'h\x00.'))
up.memo = other.memo
print(up.load())
for bad in (1, {'a': 1}, {-1: 1}):
    try:
        up.memo = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

# fast mode: no PUT/GET, so shared objects are duplicated; cycles are refused.
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.fast = 1
pk.dump([shared, shared])
print(f.getvalue(), pk.fast)
deep = []
cur = deep
for i in range(60):
    nxt = []
    cur.append(nxt)
    cur = nxt
cur.append(deep)
try:
    pk.dump(deep)
except ValueError as e:
    print('ValueError:', str(e).split(' at ')[0])
print(pickle.Pickler(io.BytesIO(), 3).bin, pickle.Pickler(io.BytesIO(), 0).bin)
