# __slots__: inheritance, __dict__ in slots, member descriptors and error messages.
class P:
    __slots__ = ("x", "y")
class Q(P):
    __slots__ = ("z",)
class R(P):
    pass
class D:
    __slots__ = ("a", "__dict__")
q = Q()
q.x, q.z = 1, 3
print(q.x, q.z, hasattr(q, "__dict__"), Q.__slots__, type(P.x).__name__, P.x.__name__)
r = R()
r.x = 1
r.anything = 2
print(r.x, vars(r))
d = D()
d.a = 1
d.b = 2
print(d.a, vars(d))
for f in (lambda: setattr(q, "w", 1), lambda: q.y, lambda: delattr(q, "y"), lambda: vars(q)):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
q.y = 5
del q.y
try:
    q.y
except AttributeError as e:
    print(type(e).__name__, e)
for body in ({"__slots__": ("v",), "v": 1}, {"__slots__": ("a", "a")}, {"__slots__": ("bad name",)},
             {"__slots__": (1,)}, {"__slots__": ("__dict__", "__dict__")}):
    try:
        type("T", (), body)
        print("created")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class S:
    __slots__ = "single"
s = S()
s.single = "one string slot"
print(s.single, S.__slots__)
try:
    class Both(P, type("Other", (), {"__slots__": ("k",)})): pass
except TypeError as e:
    print(type(e).__name__, e)
