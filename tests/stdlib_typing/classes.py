# typing: Generic, Protocol, NamedTuple, TypedDict, NewType, overload, get_type_hints
from typing import (Generic, TypeVar, Protocol, runtime_checkable, NamedTuple, TypedDict,
                    NewType, overload, get_type_hints, List, Optional, ClassVar)

T = TypeVar('T')


class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v

    def get(self) -> T:
        return self.v


b = Box[int](3)
print(Box[int], Box.__parameters__, b.get(), Box('s').get(), Box.__mro__)


class Pair(Box[T]):
    pass


print(Pair[str], Pair.__parameters__, Pair(1).get())


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class F:
    def close(self):
        pass


class NP(Protocol):
    def x(self) -> int: ...


print(isinstance(F(), Closable), isinstance(1, Closable), issubclass(F, Closable))
try:
    isinstance(1, NP)
except TypeError as e:
    print('TypeError', e)


class Point(NamedTuple):
    x: int
    y: int = 0

    def norm(self):
        return abs(self.x) + abs(self.y)


p = Point(1)
print(p, p.norm(), Point._fields, Point._field_defaults, Point(3, 4)._asdict(), p._replace(y=5))
print(Point.__annotations__, isinstance(p, tuple), p == (1, 0), Point(*[5, 6]))
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp._fields)
try:
    class Bad(NamedTuple):
        x: int = 0
        y: int
except TypeError as e:
    print('TypeError', e)


class Movie(TypedDict):
    name: str
    year: int


class Movie2(Movie, total=False):
    rating: float


m = Movie(name='x', year=1)
print(type(m), m, sorted(Movie.__required_keys__), sorted(Movie2.__optional_keys__), Movie2.__total__)
A = TypedDict('A', {'k': int})
print(A(k=1), A.__annotations__)
UserId = NewType('UserId', int)
print(UserId(5), UserId, UserId.__supertype__)


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2


print(f(2), f('a'))


class C:
    a: int
    b: 'List[int]'
    c: ClassVar[str] = 'c'


def g(a: 'int', b: List['str'], c: Optional[int] = None) -> None:
    pass


print(get_type_hints(C), get_type_hints(g))
