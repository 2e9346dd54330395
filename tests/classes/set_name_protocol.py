# __set_name__ runs at class creation, in definition order, with (owner, name).
class Field:
    def __init__(self, label): self.label = label
    def __set_name__(self, owner, name):
        print(f"  __set_name__ {self.label}: owner={owner.__name__} name={name}")
        self.name = name
class Model:
    b = Field("first")
    a = Field("second")
    same = b
    def method(self): pass
print("class created", Model.b.name, Model.a.name)
Model.late = Field("late")
print("late assignment: no call", hasattr(Model.late, "name"))
Dyn = type("Dyn", (), {"x": Field("via type()")})
print(Dyn.x.name)
class NotCalledOnInstanceAttr:
    def __init__(self):
        self.f = Field("instance")
NotCalledOnInstanceAttr()
class SetNameOnClass:
    __set_name__ = lambda self, owner, name: print("  class-level hook for", name)
class User:
    hook = SetNameOnClass()
class Failing:
    def __set_name__(self, owner, name):
        raise ValueError(f"bad name {name}")
try:
    class Broken:
        attr = Failing()
except ValueError as e:
    print(type(e).__name__, e, getattr(e, "__notes__", None))
