# pickle.dumps/loads take a native path without a Python Pickler/Unpickler for the common types,
# plain instances (NEWOBJ + BUILD of the __dict__), classes and functions (STACK_GLOBAL), and hand
# over to the Python machinery at the first object or opcode they leave to it. Checked here: the
# bytes (CPython's) at the boundaries of that hand-over, the instances that must not take the
# native path, subclasses of built-in types, dispatch tables (copyreg, Pickler.dispatch_table,
# ForkingPickler.register), loader hooks, and the errors of both entries.
import copyreg
import io
import pickle
import re
import sys
from multiprocessing.reduction import ForkingPickler


def err(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print('  ', type(e).__name__ + ':', re.sub(' at 0x[0-9a-f]+', '', str(e)))
    else:
        print('   no error:', r if isinstance(r, bytes) else type(r).__name__)


def same_as_pickler(obj, proto):
    """pickle.dumps(obj) is the bytes of a Pickler writing to a file."""
    f = io.BytesIO()
    pickle.Pickler(f, proto).dump(obj)
    return f.getvalue() == pickle.dumps(obj, proto)


class Plain:
    def __init__(self, *values):
        for i, v in enumerate(values):
            setattr(self, 'a%d' % i, v)

    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)

    def __repr__(self):
        return 'Plain(%s)' % vars(self)


class Child(Plain):
    pass


class Empty:
    pass


class WithGetstate(Plain):
    def __getstate__(self):
        return {'got': sorted(vars(self))}


class WithSetstate(Plain):
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


class WithSlots:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 1
        self.y = 'two'


class SlotsAndDict:
    __slots__ = ('s', '__dict__')

    def __init__(self, v):
        self.s = v
        self.d = v + 1


class WithReduce:
    def __reduce__(self):
        return (Plain, (1, 2))


class WithReduceEx:
    def __reduce_ex__(self, proto):
        return (Plain, (proto,))


class WithNewargs(Plain):
    def __new__(cls, *args):
        return super().__new__(cls)

    def __getnewargs__(self):
        return (7,)


class WithGetattr(Plain):
    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        return 'computed ' + name


class CustomNew(Plain):
    def __new__(cls, *args):
        self = super().__new__(cls)
        self.made_by_new = True
        return self


class Outer:
    class Inner(Plain):
        pass


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyStr(str):
    pass


class MyInt(int):
    pass


class MyTuple(tuple):
    pass


def module_function(x):
    return x


def show(label, obj, protos=(2, 4, 5)):
    for proto in protos:
        data = pickle.dumps(obj, proto)
        back = pickle.loads(data)
        print(label, proto, data, repr(back) == repr(obj), same_as_pickler(obj, proto))


print('-- plain instances, classes, functions')
shared = ['shared', 1.5]
show('plain', Plain(1, 'x', shared, shared))
show('empty', Empty(), protos=(4,))
show('child', Child(None, True))
show('two', [Plain(1), Plain(2), Child(3), Plain, Child, module_function])
p = Plain(1)
show('repeat', [p, p, (p,), {'k': p}])
rec = Plain(0)
rec.me = rec
data = pickle.dumps(rec)
print('recursive', data)
back = pickle.loads(data)
print(back.me is back)
show('class', (Plain, Empty, int, len, module_function))
show('nested class', Outer.Inner(5))
show('mp message', (12, module_function, (3, 'a'), {'k': [1, 2]}))

print('-- hand-over deep inside a graph, after shared references')
for tail in (WithReduce(), WithGetstate(1, 2), WithSlots(), MyList([1]), WithNewargs(3)):
    s = ('shared string', [1, 2])
    graph = {'first': s, 'deep': [s, (s, [Plain(s), tail, s]), Plain(4)], 'after': s}
    show(type(tail).__name__, graph, protos=(4,))

print('-- instances that do not take the native path')
for obj in (WithGetstate(1, 'b'), WithSetstate(1), WithSlots(), SlotsAndDict(3), WithReduce(),
            WithReduceEx(), WithNewargs(1), WithGetattr(2), CustomNew(1)):
    show(type(obj).__name__, obj, protos=(4,))
back = pickle.loads(pickle.dumps(WithSetstate(9)))
print('setstate ran', back.restored, back.a0)
back = pickle.loads(pickle.dumps(CustomNew(9)))
print('custom __new__ ran', back.made_by_new)
shadow = Plain(1)
shadow.__reduce_ex__ = lambda proto: (Plain, ('shadowed',))
show('shadowed __reduce_ex__', shadow, protos=(4,))
shadow = Plain(2)
shadow.__getstate__ = lambda: {'from': 'instance'}
show('shadowed __getstate__', shadow, protos=(4,))

print('-- subclasses of built-in types')
for obj in (MyList([1, 2]), MyDict(a=1), MyStr('s'), MyInt(5), MyTuple((1, 2))):
    show(type(obj).__name__, obj, protos=(4,))
    show(type(obj).__name__ + ' inside', [obj, obj], protos=(5,))

print('-- dispatch tables')
copyreg.pickle(Empty, lambda obj: (Plain, ('via copyreg',)))
show('copyreg', [Empty(), Empty], protos=(4,))
del copyreg.dispatch_table[Empty]
f = io.BytesIO()
pk = pickle.Pickler(f, 4)
pk.dispatch_table = {Plain: lambda obj: (Empty, ())}
pk.dump([Plain(1), Child(2)])
print('Pickler.dispatch_table', f.getvalue())
ForkingPickler.register(Child, lambda obj: (Plain, ('via ForkingPickler',)))
print('ForkingPickler', bytes(ForkingPickler.dumps([Plain(1), Child(2)])))
print('pickle.dumps', pickle.dumps([Plain(1), Child(2)]))
del ForkingPickler._extra_reducers[Child]
print('ForkingPickler msg', bytes(ForkingPickler.dumps((1, module_function, (Plain(2),), {}))))
print('ForkingPickler proto 2', bytes(ForkingPickler.dumps(Plain(1), 2)))


class Hooked(pickle.Pickler):
    def reducer_override(self, obj):
        if type(obj) is Plain:
            return (Empty, ())
        return NotImplemented


f = io.BytesIO()
Hooked(f, 4).dump([Plain(1), Child(2)])
print('reducer_override', f.getvalue())


class Persistent(pickle.Pickler):
    def persistent_id(self, obj):
        return 'pid' if type(obj) is Plain else None


f = io.BytesIO()
Persistent(f, 4).dump([Plain(1), Child(2)])
print('persistent_id', f.getvalue())

print('-- extension codes')
copyreg.add_extension(__name__, 'Plain', 240)
show('ext', [Plain(1), Plain], protos=(4,))
copyreg.remove_extension(__name__, 'Plain', 240)

print('-- globals that are not found')
RealPlain = Plain


class Plain(RealPlain):
    pass


err(pickle.dumps, RealPlain(1))
err(pickle.dumps, [1, RealPlain])
Plain = RealPlain


def local():
    class Local:
        pass
    return Local


err(pickle.dumps, [1, local()()])
err(pickle.dumps, ('x', lambda: 0))
sys.modules['fake_module_for_pickle'] = 42
Plain.__module__ = 'fake_module_for_pickle'
err(pickle.dumps, Plain(1))
Plain.__module__ = __name__
del sys.modules['fake_module_for_pickle']

print('-- loads: hooks and the hand-over')
data = pickle.dumps([Plain(1), Child(2), Plain])


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        print('   find_class', module, name)
        return Empty if name == 'Plain' else super().find_class(module, name)


print([type(x).__name__ for x in Restricted(io.BytesIO(data)).load()])
print(pickle.loads(data))
print(pickle.loads(pickle.dumps(WithGetattr(4))).a0)
weird = Plain(1)
weird.__dict__[5] = 'int key'
print(sorted(pickle.loads(pickle.dumps(weird)).__dict__.items(), key=repr))
back = pickle.loads(pickle.dumps([Plain('abc'), Plain('abc')]))
print(back, sys.intern('a0') is list(vars(back[1]))[0])
print(pickle.loads(pickle.dumps(len)), pickle.loads(pickle.dumps(pickle.Pickler)))
print(pickle.loads(b'\x80\x02cbuiltins\nlen\nq\x00.'))
print(pickle.loads(b'\x80\x04\x8c\x0bcollections\x8c\x0bOrderedDict\x93)\x81.'))

print('-- argument and data errors')
err(pickle.dumps)
err(pickle.dumps, 1, 2, 3)
err(pickle.dumps, 1, protocol=6)
err(pickle.dumps, 1, protocol='4')
err(pickle.dumps, 1, protocol=-1)
err(pickle.dumps, 1, protocol=True)
err(pickle.dumps, 1, 4, fix_imports=0)
err(pickle.dumps, 1, 4, buffer_callback=print)
err(pickle.dumps, 1, 5, buffer_callback=print)
err(pickle.dumps, 1, 4, spam=1)
err(pickle.dumps, obj=1)
err(pickle.loads)
err(pickle.loads, b'.', b'.')
err(pickle.loads, data=b'N.')
err(pickle.loads, 'N.')
err(pickle.loads, 5)
err(pickle.loads, bytearray(b'K\x05.'))
err(pickle.loads, memoryview(b'K\x06.'))
err(pickle.loads, b'K\x05.', encoding=1)
err(pickle.loads, b'K\x05.', errors=None)
err(pickle.loads, b'K\x05.', fix_imports=0)
err(pickle.loads, b'K\x05.', buffers=())
err(pickle.loads, b'K\x05.', spam=1)
err(pickle.loads, b'')
err(pickle.loads, b'\x80\x04.')
err(pickle.loads, b'(K\x01.')
err(pickle.loads, b'\x80\x04K')
err(pickle.loads, b'\x80\x04\x8c\x08builtins\x8c\x04nope\x93.')
err(pickle.loads, b'\x80\x04\x8c\x0ano_such_mod\x8c\x04nope\x93.')
err(pickle.loads, b'\x80\x04\x8c\x08builtins\x8c\x08<locals>\x93.')
err(pickle.loads, b'\x80\x04K\x01)\x81.')
err(pickle.loads, b'\x80\x04\x8c\x08builtins\x8c\x03int\x93K\x01\x85\x81.')
err(pickle.loads, b'\x80\x04)K\x01b.')
err(pickle.loads, b'\x80\x04' + pickle.dumps(Plain(1))[11:-2] + b'K\x01b.')
err(pickle.loads, b'\x80\x02U\x03abcq\x00.', encoding='bytes')
