# match statements: every pattern kind, binding rules and evaluation details (PEP 634).
import collections

class Color:
    RED = "red"
    GREEN = "green"

def classify(x):
    match x:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case -1:
            return "minus one"
        case 1.5 | 2.5:
            return "a half"
        case 1+2j:
            return "complex"
        case b"raw":
            return "bytes"
        case Color.RED:
            return "red (value pattern)"
        case "a" | "b" | "c" as letter:
            return f"letter {letter}"
        case []:
            return "empty sequence"
        case [_]:
            return "one item"
        case [1, 2, *middle, 9]:
            return f"1,2..{middle}..9"
        case [int() | float() as head, *_]:
            return f"numeric head {head}"
        case [*_, [a, b]]:
            return f"ends with pair {a} {b}"
        case {}:
            return "mapping (maybe empty)"
        case _:
            return "other"

for v in (None, True, False, 1, -1, 0, 2.5, 1+2j, b"raw", "red", "b", "z", [], (), [7],
          [1, 2, 3, 4, 9], [1, 2, 9], (3.5, "x"), ["s", [5, 6]], ["s", [5]], {}, {"k": 1},
          "abc", range(3), range(1), collections.deque([4]), bytearray(b"xy")):
    print(repr(v), "->", classify(v))

# 1 == 1.0 == True: value patterns compare with ==, singletons with `is`.
for v in (1, 1.0, True):
    match v:
        case True:
            print(repr(v), "is True")
        case 1:
            print(repr(v), "== 1")

# Strings, bytes and bytearrays are not sequences for patterns.
for v in ("ab", b"ab", bytearray(b"ab"), ["a", "b"]):
    match v:
        case [x, y]:
            print("sequence", x, y)
        case _:
            print("not a sequence:", type(v).__name__)

# Mapping patterns: extra keys are ignored, **rest collects them, get() is used (no __missing__).
dd = collections.defaultdict(int, {"a": 1})
for m in ({"a": 1, "b": 2, "c": 3}, {"a": 1}, dd, collections.OrderedDict(a=5, z=6)):
    match m:
        case {"a": 1, "b": bb, **rest}:
            print("a=1 b", bb, "rest", rest)
        case {"a": aa, **rest} if not rest:
            print("only a", aa, type(rest).__name__)
        case {"a": aa, **rest}:
            print("a", aa, "rest", rest)
print(dict(dd))

# Class patterns: keywords, positional via __match_args__, builtins match themselves.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"flat 3d {x},{y}"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=xx, y=yy) as pt:
            return f"point {xx},{yy} {type(pt).__name__}"
        case int(n) | float(n):
            return f"number {n}"
        case str(s) if s:
            return f"string {s}"
        case tuple((a, b)):
            return f"tuple pair {a},{b}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case object(__class__=cls):
            return f"some {cls.__name__}"

for p in (Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Point3(1, 2, 0),
          Point3(1, 2, 3), 4, 2.5, "txt", "", (1, 2), {"k": 9}, [1]):
    print(where(p))

# Captures of a failed case are not bound; the subject is evaluated once.
def subject():
    print("evaluating subject")
    return [1, 2]

match subject():
    case [1, 3]:
        pass
    case [a1, b1] if b1 > 5:
        print("no")
    case [a2, b2]:
        print("matched", a2, b2)
print("a1 bound?", "a1" in dir(), "b1 bound?", "b1" in dir())

# Or-patterns binding the same names in different orders.
for v in ([1, "x"], ["y", 2], [3, 4]):
    match v:
        case [int(n), str(s)] | [str(s), int(n)]:
            print("int/str", n, s)
        case [n, s]:
            print("plain", n, s)

# Guards see the captures; the value of a guard is any truthy object.
for v in range(5):
    match v:
        case n if n % 2 and [n]:
            print(v, "odd")
        case n:
            print(v, "even")

# A match statement at module level binds globals; in a class body, class attributes.
class Config:
    match {"mode": "fast"}:
        case {"mode": mode}:
            pass
print(Config.mode)

# Nested patterns and a deep sequence.
match [(1, [2, (3, {"four": 4})])]:
    case [(one, [two, (three, {"four": four})])]:
        print(one, two, three, four)

# The last case may be irrefutable; a match with no matching case does nothing.
match 5:
    case 6:
        print("six")
print("no case matched")
