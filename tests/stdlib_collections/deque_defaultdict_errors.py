import operator
from collections import deque, defaultdict
def e(f):
    try: print(f())
    except Exception as x: print(type(x).__name__, x)
e(lambda: deque().pop())
e(lambda: deque([1])[5])
e(lambda: deque([1])['a'])
e(lambda: deque([1]).remove(9))
e(lambda: deque([1]).index(9))
e(lambda: deque([1], maxlen=1).insert(0, 1))
e(lambda: deque(maxlen=-1))
e(lambda: deque(maxlen='a'))
e(lambda: deque([1], 2, 3))
e(lambda: deque([1]) + [1])
e(lambda: hash(deque()))
e(lambda: defaultdict(1))
e(lambda: defaultdict()[1])
d = deque([1, 2, 3])
def mut():
    for i in d: d.append(1)
e(mut)
x = deque([1]); x.append(x); print(x)
d = deque(range(200)); d.rotate(150); print(d[0], d[-1], len(d)); d.rotate(-1000); print(d[0])
d *= 2; print(len(d), d[199], d[200]); dm = deque([1, 2, 3], maxlen=4); dm *= 3; print(dm)
d2 = deque('abc'); d2 += 'de'; d2.extendleft('xy'); print(d2, d2.maxlen, list(reversed(d2)))
dd = defaultdict(int); dd['a'] += 1; print(dd, dd | {'b': 2}, {'z': 0} | dd, dd.copy())
class D(defaultdict): pass
print(D(list), D(list, a=1)['b'])
class Q(deque): pass
print(Q([1, 2]), Q([1], maxlen=3).copy())
