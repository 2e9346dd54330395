# __prepare__ can return any mapping; it sees every name bound in the class body, in order.
class RecordingDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)
class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return RecordingDict()
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.field_order = ns.order
        return cls
class Form(metaclass=Ordered):
    zeta = 1
    alpha = 2
    def method(self): pass
    zeta = 3
    mid = alpha + zeta
print(Form.field_order, Form.zeta, Form.mid, type(Form.__dict__).__name__)
class NoDups(dict):
    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise KeyError(f"{key!r} defined twice")
        super().__setitem__(key, value)
class Strict(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NoDups()
try:
    class Twice(metaclass=Strict):
        a = 1
        a = 2
except KeyError as e:
    print(type(e).__name__, e)
class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class X(metaclass=BadPrepare): pass
except TypeError as e:
    print(type(e).__name__, e)
print(type.__prepare__("Name", ()), type(type.__prepare__()).__name__)
