# Order of metaclass hooks: __prepare__, class body, __new__, __init__, then __call__ per instance.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name, [b.__name__ for b in bases], kw)
        return {"injected": "by prepare"}
    def __new__(mcls, name, bases, ns, **kw):
        print("__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("__call__", cls.__name__, args, kwargs)
        obj = super().__call__(*args, **kwargs)
        print("__call__ done")
        return obj
class Base(metaclass=Meta, flavour="vanilla"):
    print("class body, injected =", injected)
    def __init__(self, x):
        print("Base.__init__", x)
        self.x = x
class Derived(Base):
    y = 2
print("instances:")
b = Derived(5)
print(b.x, Derived.y, Derived.injected, type(Derived).__name__)
