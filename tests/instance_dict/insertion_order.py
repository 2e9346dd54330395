# Instance attributes keep insertion order whatever order other instances of the class used:
# same order, a different order, conditional attributes (gaps), and more than a class's instances
# can share (over 30 names).


class P:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


a = P(1, 2, 3)
b = P(4, 5, 6)
print(vars(a), vars(b))
print(a.x + b.z, getattr(a, "y"), getattr(b, "q", "no q"))


class Q:
    pass


q1 = Q()
q1.a, q1.b, q1.c = 1, 2, 3
q2 = Q()
q2.c = 30  # c before a and b: a different order from q1's
q2.b = 20
q2.a = 10
q3 = Q()
q3.b = 200  # skips a
q3.c = 300
q4 = Q()
q4.c = 3000
q4.a = 1000  # a after c
for q in (q1, q2, q3, q4):
    print(list(q.__dict__), q.__dict__)
print(q2.a, q2.b, q2.c, q3.b, q3.c, q4.a, q4.c)
print(hasattr(q3, "a"), hasattr(q4, "b"))


class Cond:
    def __init__(self, flag):
        if flag:
            self.first = "f"
        self.second = "s"
        if not flag:
            self.third = "t"


print([vars(Cond(f)) for f in (True, False, True, False)])


class Many:
    pass


m = Many()
for i in range(40):
    setattr(m, "attr%d" % i, i)
print(len(vars(m)), list(vars(m))[:3], list(vars(m))[-3:])
print(sum(getattr(m, "attr%d" % i) for i in range(40)))
m2 = Many()
for i in reversed(range(40)):
    setattr(m2, "attr%d" % i, -i)
print(list(vars(m2))[:3], m2.attr0, m2.attr39)
m3 = Many()
m3.attr5 = 5
m3.extra = "e"
print(vars(m3))

# Names made at run time (not interned) find the same attributes.
name = "".join(["x", "y", "z"])
q1.xyz = 1
print(getattr(q1, name), getattr(q1, "xy" + "z"), q1.__dict__["xyz"])
setattr(q2, "".join(["new", "name"]), 7)
print(q2.newname, list(q2.__dict__))
