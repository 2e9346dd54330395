# C3 linearization: __mro__, mro() and the classic example from the Python docs.
class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
def names(seq):
    return " ".join(k.__name__ for k in seq)
for k in (A, B, C, D, O):
    print(k.__name__, "->", names(k.__mro__))
print(type(A.__mro__).__name__, type(A.mro()).__name__, A.mro() == list(A.__mro__))
print(names(bool.__mro__), "|", names(object.__mro__))
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
print(names(Z.__mro__), "|", names(W.__mro__))
print(Z.__bases__ == (X, Y), Z.__base__ is X, object.__bases__, object.__base__)
