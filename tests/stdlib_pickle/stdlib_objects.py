# Objects of the standard library that define their own reductions.
import collections
import datetime
import enum
import fractions
import functools
import pickle


class Color(enum.Enum):
    RED = 1
    GREEN = 2


Pair = collections.namedtuple('Pair', 'a b')


def add(a, b):
    return a + b


objs = [ValueError('bad', 2), KeyError('k'), OSError(2, 'No such file'), StopIteration(5),
        range(1, 10, 2), slice(1, None, 3), Ellipsis, NotImplemented, Color.GREEN,
        Pair(1, 'x'), collections.OrderedDict(a=1, b=2), collections.deque([1, 2], maxlen=5),
        collections.defaultdict(list, {'k': [1]}), collections.Counter('aab'),
        fractions.Fraction(3, 4), 1 + 2j, datetime.date(2024, 2, 29),
        datetime.timedelta(days=1, seconds=5), int | str]
for obj in objs:
    for p in (0, 2, 4):
        try:
            r = pickle.loads(pickle.dumps(obj, p))
        except Exception as e:
            print(type(obj).__name__, p, 'error', type(e).__name__, e)
            continue
        print(type(obj).__name__, p, repr(r), r == obj or repr(r) == repr(obj))
part = functools.partial(add, 1, b=2)
for p in range(6):
    r = pickle.loads(pickle.dumps(part, p))
    print(p, r.func is add, r.args, r.keywords, r())
for p in range(6):
    print(p, pickle.dumps([Color.RED, Pair(1, 2)], p))
