# __reduce__ and __reduce_ex__ results: 2 to 6 items, a string (pickled by reference),
# listitems/dictitems iterators, and a state_setter (TUPLE2 REDUCE POP).
import pickle


def rebuild(*args):
    return Custom(*args)


class Custom:
    def __init__(self, *args):
        self.args = args

    def __reduce__(self):
        return rebuild, self.args


class ByName:
    def __reduce__(self):
        return 'BY_NAME'


BY_NAME = ByName()


class ReduceEx:
    def __reduce_ex__(self, proto):
        return rebuild, (proto,)


def set_state(obj, state):
    obj.state = ('set_state', state)


class Setter:
    def __reduce__(self):
        return Setter, (), {'x': 1}, None, None, set_state


class Items(list):
    pass


class WithItems:
    def __init__(self):
        self.l = []
        self.d = {}

    def append(self, x):
        self.l.append(x)

    def extend(self, xs):
        self.l.extend(xs)

    def __setitem__(self, k, v):
        self.d[k] = v

    def __reduce__(self):
        return WithItems, (), None, iter([1, 2, 3]), iter([('a', 1), ('b', 2)])


for p in range(6):
    d = pickle.dumps(Custom(1, 'x'), p)
    print(p, d, pickle.loads(d).args)
    d = pickle.dumps(BY_NAME, p)
    print(p, d, pickle.loads(d) is BY_NAME)
    d = pickle.dumps(ReduceEx(), p)
    print(p, d, pickle.loads(d).args)
    d = pickle.dumps(Setter(), p)
    print(p, d, pickle.loads(d).state)
    d = pickle.dumps(WithItems(), p)
    r = pickle.loads(d)
    print(p, d, r.l, r.d)
