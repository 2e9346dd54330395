# A reusable typed-field descriptor with __set_name__, storing values in the instance dict.
class Typed:
    def __init__(self, kind, default=None):
        self.kind, self.default = kind, default
    def __set_name__(self, owner, name):
        self.public, self.private = name, "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.public} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.private, value)
    def __delete__(self, obj):
        raise AttributeError(f"cannot delete {self.public}")
class Person:
    name = Typed(str, "anon")
    age = Typed(int, 0)
    def __init__(self, name=None, age=None):
        if name is not None: self.name = name
        if age is not None: self.age = age
    def __repr__(self): return f"Person({self.name!r}, {self.age})"
print(Person(), Person("ann", 31), sorted(vars(Person("bo", 2))))
p = Person("cy")
for field, value in (("age", "old"), ("name", 5), ("age", 4.5)):
    try:
        setattr(p, field, value)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    del p.name
except AttributeError as e:
    print(type(e).__name__, e)
p.age = 40
print(p, Person.age.public, Person.name.private)
