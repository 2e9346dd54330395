# type(name, bases, dict) creates classes; the dict is copied into the class namespace.
def init(self, x):
    self.x = x
ns = {"__init__": init, "double": lambda self: self.x * 2, "kind": "dynamic", "__doc__": "made by type()"}
Point = type("Point", (), ns)
p = Point(21)
print(Point.__name__, Point.__qualname__, Point.__doc__, Point.__bases__ == (object,), p.double(), p.kind)
ns["kind"] = "changed later"
print(Point.kind, "kind" in vars(Point), type(vars(Point)).__name__)
Sub = type("Sub", (Point,), {"triple": lambda self: self.x * 3})
s = Sub(5)
print(s.double(), s.triple(), isinstance(s, Point), [k.__name__ for k in Sub.__mro__])
print(Sub.__module__ == __name__, type(Sub) is type, type(s) is Sub, type(type) is type)
Empty = type("Empty", (), {})
print(Empty.__name__, len([n for n in vars(Empty) if not n.startswith("__")]))
for args in [(), ("A", ()), ("A", (), {}, 1), (1, (), {}), ("A", [], {}), ("A", (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print(len(args), type(e).__name__, e)
print(type(3).__name__, type("s") is str, type(None).__name__)
