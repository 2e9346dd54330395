# Class decorators and a simple metaclass.
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class A: pass
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)
class B(metaclass=Meta): pass
print(registry, B.created_by, type(B).__name__, type(A).__name__, isinstance(B, type))
