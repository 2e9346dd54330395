# Bases that admit no consistent linearization, and other invalid base lists.
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
class E(C, B): pass
attempts = [
    ("X(A, B)", lambda: type("X", (A, B), {})),
    ("X(D, E)", lambda: type("X", (D, E), {})),
    ("X(A, A)", lambda: type("X", (A, A), {})),
    ("X(object, A)", lambda: type("X", (object, A), {})),
    ("X(1,)", lambda: type("X", (1,), {})),
    ("X(bool,)", lambda: type("X", (bool,), {})),
]
for label, make in attempts:
    try:
        make()
        print(label, "ok")
    except TypeError as e:
        print(label, type(e).__name__, e)
try:
    class Bad(B, A, C): pass
except TypeError as e:
    print("class statement:", type(e).__name__, e)
class Fine(B, C, A): pass
print([k.__name__ for k in Fine.__mro__])
