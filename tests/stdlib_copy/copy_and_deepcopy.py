import copy
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
print(b[1] is a[1], c[1] is a[1], c == a, c[2]['k'] is a[2]['k'])
r = [1]; r.append(r); r2 = copy.deepcopy(r); print(r2[1] is r2, r2 is not r)
class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f'P({self.x!r})'
p = P([1]); q = copy.copy(p); d = copy.deepcopy(p); print(q, d, q.x is p.x, d.x is p.x)
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = [1]; s2 = copy.deepcopy(s); print(s2.a, s2.a is s.a, hasattr(s2, 'b'))
class WithCopy:
    def __copy__(self): return 'copied'
    def __deepcopy__(self, memo): return 'deepcopied'
print(copy.copy(WithCopy()), copy.deepcopy(WithCopy()))
dq = deque([[1], 2], maxlen=5); dq2 = copy.deepcopy(dq); print(dq2, dq2[0] is dq[0], copy.copy(dq))
dd = defaultdict(list, a=[1]); dd2 = copy.deepcopy(dd); print(dd2, dd2['a'] is dd['a'], copy.copy(dd))
print(copy.deepcopy(OrderedDict(a=[1])), copy.copy(Counter('aab')))
T = namedtuple('T', 'x y'); t = T([1], 2); print(copy.deepcopy(t), copy.copy(t) is t)
print(copy.deepcopy((1, 2)) , copy.copy(int) is int, copy.deepcopy({1, 2}), copy.deepcopy(frozenset([1])))
class E(Exception): pass
e = copy.deepcopy(E('x', 1)); print(type(e).__name__, e.args)
