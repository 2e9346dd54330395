# __getnewargs__ and __getnewargs_ex__ (NEWOBJ, NEWOBJ_EX from protocol 4, functools.partial of
# cls.__new__ before), and subclasses of built-in types.
import pickle


class Args:
    def __new__(cls, a, b):
        self = object.__new__(cls)
        self.args = (a, b)
        return self

    def __getnewargs__(self):
        return self.args


class KwArgs:
    def __new__(cls, a, *, key):
        self = object.__new__(cls)
        self.a = a
        self.key = key
        return self

    def __getnewargs_ex__(self):
        return (self.a,), {'key': self.key}


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = 'L'


class MyDict(dict):
    pass


for p in range(6):
    d = pickle.dumps(Args(1, 2), p)
    print(p, d, pickle.loads(d).args)
    if p >= 2:
        d = pickle.dumps(KwArgs(1, key='k'), p)
        r = pickle.loads(d)
        print(p, d, r.a, r.key)
    for v in (MyInt(5), MyStr('s'), MyTuple((1, 2)), MyList([1, 2]), MyDict(a=1)):
        d = pickle.dumps(v, p)
        r = pickle.loads(d)
        print(p, type(v).__name__, d, type(r).__name__, r, vars(r))


class BadEx:
    def __getnewargs_ex__(self):
        return 1


class BadEx2:
    def __getnewargs_ex__(self):
        return [], {}


class BadEx3:
    def __getnewargs_ex__(self):
        return (), []


class BadArgs:
    def __getnewargs__(self):
        return [1]


for cls in (BadEx, BadEx2, BadEx3, BadArgs):
    try:
        pickle.dumps(cls(), 2)
    except Exception as e:
        print(cls.__name__, type(e).__name__, e)
