# classmethod and staticmethod through the class, an instance and a subclass; the raw objects.
class A:
    @classmethod
    def cm(cls, x=None): return (cls.__name__, x)
    @staticmethod
    def sm(x=0): return ("static", x)
class B(A): pass
print(A.cm(), A().cm(1), B.cm(), B().cm(2), A.sm(), B().sm(3))
raw_cm, raw_sm = vars(A)["cm"], vars(A)["sm"]
print(type(raw_cm).__name__, type(raw_sm).__name__, raw_cm.__func__.__name__, raw_sm.__func__ is raw_sm.__func__)
print(type(A.cm).__name__, A.cm.__self__ is A, B.cm.__self__ is B, type(A.sm).__name__, A.sm is raw_sm.__func__)
print(raw_sm(5), callable(raw_cm))
print(raw_cm.__get__(None, B)(), raw_sm.__get__(None, A)(7))
class C:
    def method(self): return "method"
    cm = classmethod(method)
    sm = staticmethod(method)
print(C.cm(), C().sm(C()))
try:
    C.sm()
except TypeError as e:
    print(type(e).__name__, e)
try:
    raw_cm()
except TypeError as e:
    print(type(e).__name__, e)
try:
    classmethod()
except TypeError as e:
    print(type(e).__name__, e)
class Counter:
    count = 0
    @classmethod
    def bump(cls):
        cls.count += 1
        return cls.count
class SubCounter(Counter): pass
print(Counter.bump(), Counter.bump(), SubCounter.bump(), Counter.count, SubCounter.count)
