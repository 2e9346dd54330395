# Zero-argument super() in a diamond: each __init__ runs once, in MRO order.
class Base:
    def __init__(self, **kw):
        print("Base.__init__ leftover", sorted(kw))
        super().__init__()
class Named(Base):
    def __init__(self, name, **kw):
        print("Named.__init__", name)
        self.name = name
        super().__init__(**kw)
class Sized(Base):
    def __init__(self, size, **kw):
        print("Sized.__init__", size)
        self.size = size
        super().__init__(**kw)
class Thing(Named, Sized):
    def __init__(self, **kw):
        print("Thing.__init__")
        super().__init__(**kw)
t = Thing(name="box", size=3, colour="red")
print(t.name, t.size, [k.__name__ for k in Thing.__mro__])
class Greeter:
    def greet(self): return ["Greeter"]
class Polite(Greeter):
    def greet(self): return ["Polite"] + super().greet()
class Loud(Greeter):
    def greet(self): return ["Loud"] + super().greet()
class Both(Polite, Loud):
    def greet(self): return ["Both"] + super().greet()
print(Both().greet(), Loud().greet())
