import _collections_abc as cabc
from collections.abc import *
print(isinstance([], Sequence), isinstance([], MutableSequence), isinstance((), MutableSequence), isinstance('a', Sequence))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance({}.keys(), Set), isinstance(set(), MutableSet), isinstance(frozenset(), MutableSet))
print(isinstance(1, Hashable), isinstance([], Hashable), isinstance(len, Callable), isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance([], Iterable))
def g(): yield 1
print(isinstance(g(), Generator), isinstance(range(3), Sequence), issubclass(dict, Sized), issubclass(int, Container))
class M(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M({1: 2, 3: 4})
print(list(m.keys()), list(m.items()), list(m.values()), m.get(5, 'x'), 1 in m, m == {1: 2, 3: 4}, m.keys() & {1})
print(Sequence.__module__, Mapping.__name__)
try: Mapping()
except TypeError as e: print(e)
print(Iterable[int], list[int])
class S(Sequence):
    def __getitem__(self, i): return [1,2,3][i]
    def __len__(self): return 3
s = S(); print(list(s), list(reversed(s)), s.index(2), s.count(3), 2 in s)
