# Reference cycles through instance attributes are collected; __del__ of attribute values runs
# when an instance dies; a value's __del__ may touch the instance being cleared.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


log = []


def gone(name):
    return lambda ref: log.append(name)


a, b = Node("a"), Node("b")
a.other, b.other = b, a
ra, rb = weakref.ref(a, gone("a")), weakref.ref(b, gone("b"))
del a, b
gc.collect()
print(sorted(log), ra(), rb())

# A self-cycle through __dict__ once it is taken.
c = Node("c")
c.me = c
c.d = c.__dict__
rc = weakref.ref(c, gone("c"))
del c
gc.collect()
print(log[-1], rc())

# Values die in insertion order with their instance.
order = []


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        order.append(self.tag)


class Holder:
    pass


h = Holder()
h.x = Noisy(1)
h.y = Noisy(2)
h.z = Noisy(3)
del h
print(order)

# Replacing and deleting an attribute whose value's __del__ stores into the same instance.
class Back:
    def __init__(self, owner):
        self.owner = owner

    def __del__(self):
        self.owner.touched = True
        self.owner.more = list(range(3))


o = Holder()
o.v = Back(o)
o.v = 1
print(vars(o))
p = Holder()
p.v = Back(p)
del p.v
print(vars(p))
q = Holder()
q.v = Back(q)
q.__dict__ = {"fresh": 1}
print(vars(q))

# A cycle through an instance that has a __del__ (PEP 442).
class Fin:
    def __del__(self):
        log.append("fin")


f = Fin()
f.self = f
f.payload = [1, 2]
del f
gc.collect()
print(log[-1])

# gc sees the values as the instance's referents.
n = Node("n")
n.other = [1]
print(n.other in gc.get_referents(n), "n" in gc.get_referents(n))
print(gc.is_tracked(n))
