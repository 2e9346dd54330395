# The metaclass of a class must be a (non-strict) subclass of its bases' metaclasses.
class MetaA(type): pass
class MetaB(type): pass
class MetaAB(MetaA, MetaB): pass
class A(metaclass=MetaA): pass
class B(metaclass=MetaB): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)
class D(A, B, metaclass=MetaAB): pass
print(type(D).__name__)
class E(A): pass
print(type(E).__name__)
class F(A, metaclass=type): pass
print(type(F).__name__, "(the most derived metaclass is chosen)")
try:
    class G(A, metaclass=MetaB): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("H", (A, B), {})
except TypeError as e:
    print(type(e).__name__, e)
def not_a_type(name, bases, ns):
    return f"function metaclass made {name} with {sorted(k for k in ns if not k.startswith('__'))}"
class I(metaclass=not_a_type):
    x = 1
print(I)
