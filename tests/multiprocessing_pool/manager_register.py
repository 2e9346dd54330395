# BaseManager.register: a custom type behind an AutoProxy (public methods forwarded), a
# custom proxy type, exposed= limiting the methods, method_to_typeid returning proxies, the
# referent's exceptions re-raised in the caller, _getvalue, and proxies passed to a child.
import multiprocessing as mp
from multiprocessing.managers import BaseManager, BaseProxy, RemoteError
import _deadline


class Counter:
    def __init__(self, start=0):
        self.n = start

    def inc(self, k=1):
        self.n += k
        return self.n

    def fail(self):
        raise ValueError('counter failure')

    def child(self):
        return Counter(self.n * 10)

    def _private(self):
        return 'private'

    def __repr__(self):
        return 'Counter(%d)' % self.n


class CounterProxy(BaseProxy):
    _exposed_ = ('inc',)

    def inc(self, k=1):
        return self._callmethod('inc', (k,))


class MyManager(BaseManager):
    pass


MyManager.register('Counter', Counter)
MyManager.register('Limited', Counter, exposed=('inc',))
MyManager.register('Custom', Counter, CounterProxy)
MyManager.register('Parent', Counter, method_to_typeid={'child': 'SubCounter'})
MyManager.register('SubCounter', create_method=False)


def bump(c):
    c.inc(100)


if __name__ == '__main__':
    _deadline.arm()
    with MyManager() as m:
        c = m.Counter(5)
        print(type(c).__name__, c.inc(), c.inc(k=2), str(c), c._getvalue())
        try:
            c.fail()
        except ValueError as e:
            print('re-raised', type(e).__name__, e)
        p = mp.Process(target=bump, args=(c,))
        p.start()
        p.join(10)
        print(c.inc(0))
        lim = m.Limited()
        print(type(lim).__name__, lim.inc(3), hasattr(lim, 'fail'))
        try:
            lim._callmethod('fail')
        except RemoteError as e:
            print('RemoteError', "not in exposed" in str(e))
        cus = m.Custom(1)
        print(type(cus).__name__, cus.inc(), isinstance(cus, BaseProxy))
        par = m.Parent(4)
        ch = par.child()
        print(type(ch).__name__, ch.inc(), par.inc())
        print(m._number_of_objects() >= 4)
        print(sorted(MyManager._registry), hasattr(m, 'SubCounter'))
        print('Counter' in BaseManager._registry)
    print(mp.active_children())
