# super() failures: no arguments outside a class, wrong instance type, missing attribute.
def plain():
    return super()
try:
    plain()
except RuntimeError as e:
    print(type(e).__name__, e)
class A:
    def method(self):
        return super().nothing_here
    @staticmethod
    def static():
        return super().method()
    def no_args_kept():
        return super()
try:
    A().method()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.static()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    A.no_args_kept()
except RuntimeError as e:
    print(type(e).__name__, e)
for args in ((A, 5), (int, "x"), (1, A())):
    try:
        super(*args)
    except TypeError as e:
        print(type(e).__name__, e)
class B(A):
    def __init__(self):
        super().__init__(1, 2)
try:
    B()
except TypeError as e:
    print(type(e).__name__, e)
