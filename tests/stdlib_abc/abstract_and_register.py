import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @abc.abstractmethod
    def g(self): pass
    @property
    @abc.abstractmethod
    def p(self): pass
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): return 1
try: B()
except TypeError as e: print(e)
class C(B):
    def g(self): return 2
    p = 3
print(C().f(), C().g(), C.__abstractmethods__, sorted(B.__abstractmethods__))
class S(abc.ABC): pass
S.register(int)
print(isinstance(1, S), issubclass(bool, S), isinstance('a', S), issubclass(str, S))
class H(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, 'quack') or NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), H), isinstance(1, H), type(H), abc.ABC.__slots__)
try: S.register(3)
except TypeError as e: print(e)
try: issubclass(3, S)
except TypeError as e: print(e)
print(S.register(float) is float, isinstance(1.5, S))
