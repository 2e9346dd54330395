# Instances of user classes through object.__reduce_ex__: copyreg._reconstructor for protocols
# 0 and 1, NEWOBJ from protocol 2, with the instance dict as BUILD state.
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Empty:
    pass


class Outer:
    class Inner:
        def __init__(self):
            self.v = 'inner'


for p in range(6):
    d = pickle.dumps(Point(1, 'two'), p)
    print(p, d)
    print('  ', pickle.loads(d))
    d = pickle.dumps(Empty(), p)
    print(p, d, type(pickle.loads(d)).__name__)
    d = pickle.dumps(Outer.Inner(), p)
    print(p, d, pickle.loads(d).v)
    pts = [Point(i, i) for i in range(3)]
    r = pickle.loads(pickle.dumps([pts, pts[1]], p))
    print(p, r, r[0][1] is r[1])
