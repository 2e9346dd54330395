# Pickler.dispatch_table, reducer_override, copyreg.dispatch_table and Unpickler.find_class.
import copyreg
import io
import pickle


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def reduce_point(p):
    return Point, (p.x * 10, p.y * 10)


class TablePickler(pickle.Pickler):
    dispatch_table = {Point: reduce_point}


f = io.BytesIO()
TablePickler(f, 2).dump(Point(1, 2))
r = pickle.loads(f.getvalue())
print(f.getvalue(), r.x, r.y)

f = io.BytesIO()
pk = pickle.Pickler(f, 4)
pk.dispatch_table = copyreg.dispatch_table.copy()
pk.dispatch_table[Point] = lambda p: (Point, (p.y, p.x))
pk.dump(Point(1, 2))
r = pickle.loads(f.getvalue())
print(r.x, r.y)
# The global table is not changed and is used by default.
print(Point in copyreg.dispatch_table)
copyreg.pickle(Point, lambda p: (Point, (0, 0)))
r = pickle.loads(pickle.dumps(Point(5, 6)))
print(r.x, r.y)
del copyreg.dispatch_table[Point]


class Overrider(pickle.Pickler):
    def reducer_override(self, obj):
        if obj == 'swap':
            return str, ('swapped',)
        if isinstance(obj, type) and obj is Point:
            return 'Point'
        if callable(obj) and getattr(obj, '__name__', '') == 'secret':
            return print, ()
        return NotImplemented


def secret():
    pass


for p in (0, 2, 4):
    f = io.BytesIO()
    Overrider(f, p).dump(['swap', 1, Point, secret])
    print(p, f.getvalue(), pickle.loads(f.getvalue()))


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        print('  find_class', module, name)
        if module == 'builtins' and name in ('range', 'set'):
            return super().find_class(module, name)
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))


for obj in (range(3), {1, 2}, Point(1, 2), print):
    for p in (0, 4):
        data = pickle.dumps(obj, p)
        try:
            print(p, Restricted(io.BytesIO(data)).load())
        except pickle.UnpicklingError as e:
            print(p, 'UnpicklingError:', e)
u = pickle.Unpickler(io.BytesIO(b''))
print(u.find_class('builtins', 'len'), u.find_class('collections', 'OrderedDict'))
for args in (('builtins', 'nope'), ('no_module_here', 'x'), ('builtins', 'str.join')):
    try:
        print(u.find_class(*args))
    except Exception as e:
        print(type(e).__name__, e)
