# dataclasses: fields, defaults, default_factory, repr, eq, order, __post_init__, InitVar
from dataclasses import dataclass, field, fields, InitVar, asdict, astuple, replace, is_dataclass


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p == Point(2, 1), p != Point(1, 2))
print(p.__eq__(5), Point.__doc__, Point.__init__.__qualname__, Point.__match_args__)
print(Point.__hash__, Point.x if hasattr(Point, 'x') else 'no class attr x', Point.y)
try:
    Point()
except TypeError as e:
    print('TypeError', e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print('TypeError', e)


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    tag: str = field(default='t', compare=False)


a = Inventory('a')
b = Inventory('a')
a.items.append(1)
print(a, b, a == b, a.items is not b.items, Inventory('z', [1], 5, 'q') == Inventory('z', [1], 5, 'r'))
print([f.name for f in fields(Inventory)], fields(a)[1].default_factory is list)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 5), max(vs))
try:
    Version(1) < 5
except TypeError as e:
    print('TypeError', e)


@dataclass
class C:
    a: float
    b: float
    total: float = field(init=False)
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.total = (self.a + self.b) * scale


c = C(1, 2, 10)
print(c, C(1.5, 2.5), [f.name for f in fields(C)])
print(asdict(c), astuple(c), is_dataclass(c), is_dataclass(C), is_dataclass(5))


@dataclass
class Line:
    start: Point
    end: Point
    tags: dict = field(default_factory=dict)


ln = Line(Point(0, 0), Point(1, 1), {'k': [Point(2, 2)]})
print(asdict(ln))
print(astuple(ln))
print(replace(p, y=10), replace(c, a=5, scale=2))
try:
    replace(c, total=3)
except ValueError as e:
    print('ValueError', e)
try:
    asdict(5)
except TypeError as e:
    print('TypeError', e)
try:
    fields(5)
except TypeError as e:
    print('TypeError', e)
