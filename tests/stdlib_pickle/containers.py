# tuple (EMPTY_TUPLE, TUPLE1-3, MARK..TUPLE), list, dict, set and frozenset for every protocol.
from _util import show
for v in [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((), ((),)), [], [1], [1, 2], [[], [[]]],
          {}, {1: 2}, {1: 2, 3: 4}, {'a': [1, (2, 3)], 'b': {}}, set(), {1}, {1, 2, 3},
          frozenset(), frozenset({5}), frozenset({1, 2}), [set(), frozenset()],
          {(1, 2): frozenset({3})}, ([1], {2: 3}, {4}), [None, True, 1.5, 'x', b'y']]:
    show(repr(v), v)
