# Deleting attributes and adding them back: the re-added name goes last, as in a dict.


class C:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


o = C()
del o.c
print(vars(o))
o.c = 33
print(vars(o))  # last deleted and re-added: same place
del o.a
print(vars(o), hasattr(o, "a"))
o.a = 11
print(vars(o))  # moved to the end
p = C()
del p.b
p.d = 4
p.b = 22
print(vars(p))
r = C()
del r.a, r.b, r.c
print(vars(r))
r.b = 2
print(vars(r))
try:
    del r.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    del C().zzz
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(r.c)
except AttributeError as e:
    print("AttributeError:", e)
s = C()
s.a = "replaced"  # replacing keeps the position
print(vars(s))
# delattr / object.__delattr__ / object.__setattr__ / object.__getattribute__
object.__delattr__(s, "b")
object.__setattr__(s, "e", 5)
print(vars(s), object.__getattribute__(s, "e"))
delattr(s, "e")
print(vars(s))
try:
    object.__delattr__(s, "e")
except AttributeError as e:
    print("AttributeError:", e)


class Fresh:
    pass


f = Fresh()
try:
    del f.x
except AttributeError as e:
    print("AttributeError:", e)
print(vars(f))
