# Overriding the metaclass __call__ controls instantiation (singletons, instance counting).
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in Singleton._instances:
            print("  creating", cls.__name__)
            Singleton._instances[cls] = super().__call__(*args, **kwargs)
        return Singleton._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, env="dev"):
        self.env = env
class Cache(metaclass=Singleton):
    pass
a = Config("prod")
b = Config("ignored")
print(a is b, a.env, Cache() is Cache(), Cache() is a)
class NoInstances(type):
    def __call__(cls, *args):
        raise TypeError(f"{cls.__name__} cannot be instantiated")
class Utility(metaclass=NoInstances):
    @staticmethod
    def helper(): return "static still works"
print(Utility.helper())
try:
    Utility()
except TypeError as e:
    print(type(e).__name__, e)
class ReturnsOther(type):
    def __call__(cls, *args):
        return ("not an instance", args)
class Odd(metaclass=ReturnsOther):
    def __init__(self): print("never runs")
print(Odd(1, 2))
class New:
    def __new__(cls, value):
        print("  __new__", value)
        if value < 0:
            return "negative"
        return super().__new__(cls)
    def __init__(self, value):
        print("  __init__", value)
print(type(New(1)).__name__, New(-1))
