# The memo: shared references are written once and fetched with GET/BINGET/LONG_BINGET, and
# recursive structures (through lists, dicts, tuples and objects) load back with the same shape.
import pickle

shared = [1, 2]
obj = [shared, shared, (shared,), {'k': shared}]
for p in range(6):
    d = pickle.dumps(obj, p)
    r = pickle.loads(d)
    print(p, d)
    print('  ', r, r[0] is r[1] is r[2][0] is r[3]['k'])

rec = []
rec.append(rec)
rd = {}
rd['self'] = rd
for p in range(6):
    d = pickle.dumps(rec, p)
    r = pickle.loads(d)
    print(p, d, r[0] is r)
    d = pickle.dumps(rd, p)
    r = pickle.loads(d)
    print(p, d, r['self'] is r)

# A tuple containing a list containing the tuple: the tuple is popped and fetched from the memo.
lst = []
t = (lst, 1)
lst.append(t)
big = []
t4 = (big, 1, 2, 3)
big.append(t4)
for p in range(6):
    d = pickle.dumps(t, p)
    r = pickle.loads(d)
    print(p, d, r[0][0] is r)
    d = pickle.dumps(t4, p)
    r = pickle.loads(d)
    print(p, d, r[0][0] is r)

# More than 256 memo entries: LONG_BINPUT / LONG_BINGET before protocol 4.
items = [[i] for i in range(300)]
data = items + items
for p in range(6):
    d = pickle.dumps(data, p)
    r = pickle.loads(d)
    print(p, len(d), d.count(b'r'), d.count(b'j'), r[299] is r[599], r == data)

# Recursive frozenset through an object is fetched from the memo too.
class Box:
    pass

b = Box()
fs = frozenset([b])
b.fs = fs
for p in range(6):
    r = pickle.loads(pickle.dumps(fs, p))
    (box,) = r
    print(p, box.fs is r)
