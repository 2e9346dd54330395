# A handful of standard-library modules gilpy is expected to provide.
import math, sys, collections, itertools, functools, string, operator
print(math.sqrt(81), collections.Counter("abracadabra").most_common(2), functools.reduce(operator.mul, [1, 2, 3, 4]))
print(string.ascii_lowercase[:5], string.digits, list(itertools.repeat(1, 2)), operator.add(2, 3))
d = collections.defaultdict(list)
d["k"].append(1)
print(dict(d), collections.OrderedDict(a=1), collections.namedtuple("P", "x y")(1, 2), collections.deque([1, 2], maxlen=2))
