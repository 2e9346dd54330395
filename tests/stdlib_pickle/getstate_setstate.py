# __getstate__ / __setstate__ (including a falsy state, which skips BUILD), __slots__ (the
# (dict, slots) state pair), and object.__getstate__.
import pickle


class WithState:
    def __init__(self):
        self.a = 1
        self.secret = 'dropped'

    def __getstate__(self):
        return {'a': self.a}

    def __setstate__(self, state):
        print('  __setstate__', state)
        self.__dict__.update(state)
        self.restored = True


class FalsyState:
    def __getstate__(self):
        return 0

    def __setstate__(self, state):
        print('  never called')


class Slots:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 10


class SlotsAndDict:
    __slots__ = ('s', '__dict__')

    def __init__(self):
        self.s = 's'
        self.d = 'd'


class TupleState:
    def __init__(self):
        self.v = 1

    def __getstate__(self):
        return ('a', 'b', 'c')

    def __setstate__(self, st):
        self.v = st


for p in range(6):
    d = pickle.dumps(WithState(), p)
    print(p, d)
    r = pickle.loads(d)
    print('  ', sorted(vars(r).items()))
    d = pickle.dumps(FalsyState(), p)
    print(p, d, type(pickle.loads(d)).__name__)
    d = pickle.dumps(TupleState(), p)
    print(p, d, pickle.loads(d).v)
for p in range(2, 6):
    d = pickle.dumps(Slots(), p)
    r = pickle.loads(d)
    print(p, d, r.x, hasattr(r, 'y'))
    d = pickle.dumps(SlotsAndDict(), p)
    r = pickle.loads(d)
    print(p, d, r.s, r.d)
print(Slots().__getstate__(), SlotsAndDict().__getstate__(), WithState.__getstate__(WithState()))
print(object().__getstate__())
for p in (0, 1):
    try:
        pickle.dumps(Slots(), p)
    except TypeError as e:
        print(p, 'TypeError:', e)
