# super() in classmethods, super(Type, obj) two-argument form and super() with properties.
class Base:
    @classmethod
    def create(cls, *args):
        return ("Base.create", cls.__name__) + args
    @property
    def label(self):
        return "base-label"
    def describe(self):
        return "Base.describe"
class Child(Base):
    @classmethod
    def create(cls, *args):
        return ("Child.create",) + super().create(*args)
    @property
    def label(self):
        return "child+" + super().label
    def describe(self):
        return "Child>" + super().describe()
class GrandChild(Child):
    def describe(self):
        return "GrandChild>" + super(Child, self).describe()
print(Child.create(1, 2))
print(GrandChild.create())
print(Child().label, GrandChild().label)
print(GrandChild().describe(), Child().describe())
print(super(Child, Child()).describe(), super(Child, GrandChild).create())
s = super(Child, Child())
print(type(s).__name__, s.__thisclass__.__name__, type(s.__self__).__name__)
def outside_method(self):
    return super(Base, self).__repr__ is not None
print(outside_method(Child()))
