# Extending an inherited property in a subclass with @Base.prop.setter, and overriding.
class Base:
    def __init__(self): self._name = "base"
    @property
    def name(self):
        return self._name
class WithSetter(Base):
    @Base.name.setter
    def name(self, value):
        self._name = value.title()
class Overrides(Base):
    @property
    def name(self):
        return "override of " + super().name
w = WithSetter()
w.name = "alice smith"
print(w.name, Overrides().name)
try:
    Base().name = "x"
except AttributeError as e:
    print(type(e).__name__, e)
print(Base.name is WithSetter.name, Base.name.fget is WithSetter.name.fget)
class Shadow:
    @property
    def value(self): return "property wins"
s = Shadow()
s.__dict__["value"] = "instance dict"
print(s.value, vars(s))
class Computed:
    def __init__(self, w, h): self.w, self.h = w, h
    area = property(lambda self: self.w * self.h)
c = Computed(3, 4)
print(c.area)
c.w = 10
print(c.area, isinstance(Computed.area, property))
