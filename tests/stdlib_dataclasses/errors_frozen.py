# dataclasses: frozen, unsafe_hash, kw_only, KW_ONLY, slots, inheritance, definition errors
from dataclasses import dataclass, field, fields, FrozenInstanceError, KW_ONLY


@dataclass(frozen=True)
class F:
    x: int
    y: str = 'a'


f = F(1)
print(f, hash(f) == hash(F(1)), {f, F(1), F(2)} == {F(1), F(2)})
try:
    f.x = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del f.y
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    f.z = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e)


@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False)


print(hash(H(1)) == hash(H(1, [2])))


@dataclass
class Unhashable:
    a: int


print(Unhashable.__hash__)


@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2


print(K(a=1), K(b=3, a=0))
try:
    K(1)
except TypeError as e:
    print('TypeError', e)


@dataclass
class K2:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int


print(K2(1, c=3), K2.__match_args__)


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Derived(Base):
    z: int = 2
    x: int = 5


print(Derived(), Derived(1, 2, 3), [f.name for f in fields(Derived)])


@dataclass(slots=True)
class S:
    a: int
    b: int = 0


s = S(1)
print(s, S.__slots__, hasattr(s, '__dict__'))
try:
    s.c = 1
except AttributeError as e:
    print('AttributeError')

for src in [
    "@dataclass\nclass A:\n    x: int = 0\n    y: int\n",
    "@dataclass\nclass B:\n    x: list = []\n",
    "@dataclass\nclass C:\n    x = field(default=1)\n",
    "@dataclass(order=True, eq=False)\nclass D:\n    x: int\n",
    "@dataclass(frozen=True)\nclass E(Base):\n    q: int = 0\n",
    "@dataclass(order=True)\nclass G:\n    x: int\n    def __lt__(self, o): return True\n",
    "@dataclass(unsafe_hash=True)\nclass I:\n    x: int\n    def __hash__(self): return 1\n",
    "field(default=1, default_factory=list)\n",
]:
    try:
        exec(src)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


@dataclass
class R:
    items: list = field(default_factory=list)


r = R()
r.items.append(r)
print(r)
