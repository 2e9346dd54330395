# copy, deepcopy and pickle of instances whose attributes are stored without a dict.
import copy
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Named(Point):
    __slots__ = ("name",)


p = Point(1, [2])
print(p.__getstate__(), p.__reduce_ex__(2)[2])
c = copy.copy(p)
d = copy.deepcopy(p)
print(c, d, c.y is p.y, d.y is p.y, vars(c), vars(d))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    r = pickle.loads(pickle.dumps(p, proto))
    print(proto, r, vars(r))
n = Named(3, 4)
n.name = "n"
n2 = copy.copy(n)
print(n2, n2.name, vars(n2), n.__getstate__())
n3 = pickle.loads(pickle.dumps(n))
print(n3, n3.name)
e = Point(0, 0)
del e.x, e.y
print(e.__getstate__(), copy.copy(e).__dict__)


class Empty:
    pass


print(Empty().__getstate__(), vars(copy.copy(Empty())))
q = Point(5, 6)
q.extra = {"k": q}
q2 = copy.deepcopy(q)
print(q2.extra["k"] is q2, list(vars(q2)))
