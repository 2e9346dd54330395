# The native dispatcher (common built-in types) and the Python one (instances, reduce, globals)
# share one memo and one output: mixed graphs, shared and recursive references across the two,
# at every protocol, dumped with dumps(), Pickler.dump() and a Pickler subclass with a
# dispatch_table (as multiprocessing's ForkingPickler), and loaded back.
import copyreg
import io
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Node:
    def __init__(self, children):
        self.children = children


class Reduced:
    def __init__(self, items):
        self.items = items

    def __reduce__(self):
        return Reduced, (self.items,)


class TablePickler(pickle.Pickler):
    dispatch_table = copyreg.dispatch_table.copy()


def point_reduce(p):
    return Point, (p.x * 10, p.y * 10)


TablePickler.dispatch_table[Point] = point_reduce


def dump_file(obj, proto, cls=pickle.Pickler):
    f = io.BytesIO()
    cls(f, proto).dump(obj)
    return f.getvalue()


shared_str = 'shared' * 3
shared_list = [1, 2, shared_str]
p = Point(shared_list, (shared_str, 7))
graph = [p, p, shared_list, {'p': p, 'l': shared_list, 's': shared_str}, (p, shared_list),
         {frozenset({1, 2}), 3}, bytearray(b'ba'), b'by', 2 ** 70, -2 ** 40, 1.5, None, True]

for proto in range(6):
    data = pickle.dumps(graph, proto)
    print(proto, data)
    print('  file same:', dump_file(graph, proto) == data)
    back = pickle.loads(data)
    print('  equal:', back == graph, 'shared:', back[0] is back[1], back[2] is back[0].x,
          back[3]['l'] is back[2], back[4][0] is back[0], back[0].y[0] is back[3]['s'])
    print('  table:', pickle.loads(dump_file(graph, proto, TablePickler))[0])

# Recursive structures: through lists, dicts, tuples inside lists, and instances.
rl = [1, 2]
rl.append(rl)
rd = {'a': 1}
rd['self'] = rd
rt_holder = []
rt = (rt_holder, 'x')
rt_holder.append(rt)
node = Node([])
node.children.append(node)
node.children.append((node, [node]))
inst_tuple = Reduced([])
t = (inst_tuple, 5)
inst_tuple.items.append(t)
for proto in range(6):
    for name, obj in (('list', rl), ('dict', rd), ('tuple', rt), ('node', node),
                      ('reduced', t)):
        data = pickle.dumps(obj, proto)
        back = pickle.loads(data)
        if name == 'list':
            ok = back[2] is back
        elif name == 'dict':
            ok = back['self'] is back
        elif name == 'tuple':
            ok = back[0][0] is back
        elif name == 'node':
            ok = back.children[0] is back and back.children[1][1][0] is back
        else:
            ok = back[0].items[0] is back
        print(proto, name, data, ok)

# Persistent ids inside native containers, and reducer_override, at every protocol.
class PersPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith('ext:'):
            return obj[4:]
        return None


class PersUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return 'loaded:' + pid


class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if type(obj) is Point:
            return Point, (obj.y, obj.x)
        return NotImplemented


for proto in range(6):
    data = dump_file(['a', 'ext:one', ('ext:two', 3), {'k': 'ext:three'}], proto, PersPickler)
    print(proto, data, PersUnpickler(io.BytesIO(data)).load())
    data = dump_file([Point(1, 2), [Point(3, 4)], 'ok'], proto, OverridePickler)
    print(proto, data, pickle.loads(data))

# The memo survives between dump() calls of one Pickler, shared across the two dispatchers.
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
s = 'memo me'
pk.dump([s, p])
pk.dump((s, p))
print(f.getvalue())
f.seek(0)
u = pickle.Unpickler(f)
a = u.load()
b = u.load()
print(a, b, a[0] is b[0], a[1] is b[1])
print(sorted(v[0] for v in pk.memo.copy().values()))
pk.clear_memo()
print(len(pk.memo.copy()))

# fast mode: no memo; the Python savers handle lists and dicts.
for proto in range(6):
    f = io.BytesIO()
    pk = pickle.Pickler(f, proto)
    pk.fast = 1
    pk.dump([s, s, [1, 2], {'a': (s, s)}, Point(1, 2)])
    print(proto, f.getvalue())
