# What cannot be pickled, with CPython's exception types and messages.
import _thread
import pickle
import re
import sys
from _util import err


def outer():
    def local():
        pass

    class Local:
        pass

    return local, Local


local, Local = outer()
lam = lambda: 0


def impostor():
    pass


real = impostor
impostor = 'replaced'
for p in (0, 2, 4, 5):
    print('protocol', p)
    objs = [lam, local, Local, Local(), real, (x for x in ())]
    if p >= 2:  # before protocol 2, CPython's error names the class (a heap type there)
        objs += [_thread.allocate_lock(), sys, {'lock': _thread.RLock()}]
    for obj in objs:
        try:
            pickle.dumps(obj, p)
        except Exception as e:
            msg = re.sub(' at 0x[0-9a-f]+', '', str(e))
            print('  ', type(e).__name__ + ':', msg)
        else:
            print('   no error for', type(obj).__name__)


class Reducer:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return self.value


def f():
    pass


class Other:
    pass


for value in [42, (), (f,), (f, (), None, None, None, None, None), (1, ()), (f, [1]),
              (f, (), None, 5), (f, (), None, None, 5), (f, (), None, None, None, 5),
              (Other().__reduce_ex__(2)[0], ()), (Other().__reduce_ex__(2)[0], (5,)),
              (Other().__reduce_ex__(2)[0], (Other,)),
              ('not callable', ())]:
    print(repr(value)[:40].split(' at ')[0])
    err(pickle.dumps, Reducer(value), 2)

import copyreg
newobj_ex = copyreg.__newobj_ex__
for args in [(Other, (), {}, 4), (1, (), {}), (Other, [], {}), (Other, (), [])]:
    err(pickle.dumps, Reducer((newobj_ex, args)), 4)
err(pickle.dumps, 1, 6)
err(pickle.dumps, 1, 'x')
err(pickle.dumps, 1, 1.5)
err(pickle.dumps, 1, 2**100)
print(pickle.dumps(1, -1) == pickle.dumps(1, 5), pickle.dumps(1, None) == pickle.dumps(1, 4))
err(pickle.dumps, 1, 4, buffer_callback=print)
err(pickle.Pickler, 42)
