# enum: Enum members, lookup, aliases, iteration, reprs, errors, methods, functional API
from enum import Enum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


print(Color.RED, repr(Color.RED), format(Color.RED), f'{Color.GREEN}', f'{Color.RED!r}')
print(Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.__members__)
print([m.name for m in reversed(Color)], Color.RED in Color, 1 in Color, 7 in Color)
print(Color, type(Color.RED), isinstance(Color.RED, Color), Color.RED == 1, Color.RED == Color.RED)
print(Color.RED is Color(1), {Color.RED: 'r'}[Color.CRIMSON])
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
try:
    Color['PINK']
except KeyError as e:
    print('KeyError', e)
try:
    Color.RED = 3
except AttributeError as e:
    print('AttributeError', e)
try:
    del Color.RED
except AttributeError as e:
    print('AttributeError', e)
try:
    class More(Color):
        PINK = 4
except TypeError as e:
    print('TypeError', e)
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e:
    print('TypeError', e)
try:
    class Bad2(Enum):
        _sunder_ = 1
except ValueError as e:
    print('ValueError', e)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print('ValueError', e)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.67300E-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3))
print(Planet((3.303e+23, 2.4397e6)))


class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRIANGLE = 10
    HEXAGON = auto()

    def describe(self):
        return self.name.lower()

    @classmethod
    def default(cls):
        return cls.SQUARE

    def __str__(self):
        return 'shape ' + self.name


print(Shape.CIRCLE.describe(), Shape.default(), str(Shape.SQUARE), [s.value for s in Shape])
print(sorted(Shape, key=lambda s: -s.value))
A = Enum('A', 'X Y Z')
print(list(A), A.X.value, repr(A))
B = Enum('B', [('a', 5), ('b', 7)])
print(B.b, B(5), Enum('D', {'q': 'r'}).q, Enum('E', 'one, two', start=10).two.value)


class Status(Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'

    @classmethod
    def _missing_(cls, value):
        for m in cls:
            if m.value == str(value).lower():
                return m
        return None


print(Status('ACTIVE'), Status('Inactive'))
try:
    Status('gone')
except ValueError as e:
    print('ValueError', e)
