# enum: IntEnum, StrEnum, Flag, IntFlag: str/format/repr rules, operators, boundaries
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto


class I(IntEnum):
    A = 1
    B = 2


print(I.A, repr(I.A), format(I.A), f'{I.B}', I.A == 1, I.A + 1, I(2), I.B > I.A, sorted([I.B, I.A]))
print(isinstance(I.A, int), int(I.B), [1, 2, 3][I.A], I['B'], str(I.A), f'{I.A:03d}')


class SE(StrEnum):
    A = auto()
    B = 'bee'


print(SE.A, repr(SE.A), SE.B.upper(), SE.A == 'a', f'{SE.B}', SE('bee'), list(SE))
try:
    class BadStr(StrEnum):
        X = 1
except TypeError as e:
    print('TypeError', e)


class P(Flag):
    R = 4
    W = 2
    X = 1


print(repr(P.R | P.W), P.R | P.W, repr(P(0)), repr(~P.R), list(P.R | P.X), len(P.R | P.W))
print(repr(P(7)), P.R in (P.R | P.W), P.X in (P.R | P.W), bool(P(0)), bool(P.R), P.R & P.W)
print(repr((P.R | P.W) & P.R), repr(P.R ^ P.R), list(P), P, P.__members__.keys())
try:
    P(8)
except ValueError as e:
    print('ValueError', e)


class IP(IntFlag):
    R = 4
    W = 2


print(repr(IP.R | IP.W), IP.R | IP.W, repr(IP.R | 8), IP.R + 1, format(IP.R), repr(IP(0)))
print(repr(~IP.R), repr(IP(-1)), IP.R | IP.W == 6, isinstance(IP.R, int), IP.R | 2)


class Weekday(Flag):
    MONDAY = auto()
    TUESDAY = auto()
    WEDNESDAY = auto()
    NONE = 0
    EARLY = MONDAY | TUESDAY


print(list(Weekday), Weekday.MONDAY | Weekday.WEDNESDAY, Weekday.WEDNESDAY.value)
print(repr(Weekday.NONE), repr(Weekday.EARLY), Weekday.MONDAY in Weekday.EARLY, repr(~Weekday.EARLY))


class Perm(IntFlag):
    X = auto()
    W = auto()
    R = auto()


print(Perm.R | Perm.X, repr(Perm.R | Perm.X), list(Perm.R | Perm.W | Perm.X), Perm(3))
