# Defining __eq__ sets __hash__ to None; subclasses inherit that unless they restore it.
class Plain: pass
class WithEq:
    def __init__(self, v): self.v = v
    def __eq__(self, other): return isinstance(other, WithEq) and self.v == other.v
class Restored(WithEq):
    __hash__ = object.__hash__
class Explicit(WithEq):
    def __hash__(self): return hash(self.v)
class ChildOfExplicit(Explicit):
    pass
class ChildRedefinesEq(Explicit):
    def __eq__(self, other): return False
class NoHash:
    __hash__ = None
print("__hash__" in vars(WithEq), WithEq.__hash__, Plain.__hash__ is object.__hash__)
print(isinstance(Plain(), object), hash(Plain()) == hash(Plain()) or True)
for cls in (WithEq, Restored, Explicit, ChildOfExplicit, ChildRedefinesEq, NoHash):
    obj = cls(1) if cls is not NoHash else cls()
    try:
        h = hash(obj)
        print(cls.__name__, "hashable", h == hash(obj))
    except TypeError as e:
        print(cls.__name__, type(e).__name__, e)
print(len({Explicit(1), Explicit(1), ChildOfExplicit(1)}), {Explicit(2): "two"}[Explicit(2)])
for make in (lambda: {WithEq(1): 1}, lambda: {NoHash()}, lambda: frozenset([ChildRedefinesEq(1)])):
    try:
        make()
    except TypeError as e:
        print(type(e).__name__, e)
import collections.abc
print(isinstance(WithEq(1), collections.abc.Hashable), isinstance(Explicit(1), collections.abc.Hashable))
