# Functions, classes, built-ins and methods are pickled by reference: GLOBAL (with Python 2
# names before protocol 3), getattr() reductions for nested names before protocol 4,
# STACK_GLOBAL with dotted qualified names from protocol 4.
import collections
import pickle


def func():
    return 'func'


class Outer:
    class Inner:
        class Deep:
            pass

    def method(self):
        return 'method'

    @classmethod
    def cm(cls):
        return 'cm'

    @staticmethod
    def sm():
        return 'sm'


objs = [func, Outer, Outer.Inner, Outer.Inner.Deep, Outer.method, Outer().method, Outer.cm,
        Outer.sm, len, max, int, object, type, collections.OrderedDict, ValueError,
        ConnectionError, ModuleNotFoundError, range, dict.fromkeys, [].append, str.join,
        (1).__add__, int.__add__, type(None), type(...), type(NotImplemented), pickle.dumps,
        pickle.PickleError, pickle.Pickler]
for obj in objs:
    for p in range(6):
        d = pickle.dumps(obj, p)
        r = pickle.loads(d)
        same = r == obj or (getattr(r, '__name__', 0) == getattr(obj, '__name__', 1))
        print(p, d, same)
# The same global twice is memoized; module names are shared through the memo (protocol 4).
for p in range(6):
    print(p, pickle.dumps([func, func, Outer, len, len], p))
