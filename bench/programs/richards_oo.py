# Object-oriented code: method calls, attribute access, properties, inheritance.
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError

    def describe(self):
        return self.name + ":" + str(round(self.area(), 2))


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self._w = w
        self._h = h

    @property
    def width(self):
        return self._w

    @width.setter
    def width(self, value):
        self._w = value

    def area(self):
        return self._w * self._h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r


class Accumulator:
    def __init__(self):
        self.total = 0.0
        self.n = 0

    def add(self, shape):
        self.total += shape.area()
        self.n += 1


def run(rounds):
    acc = Accumulator()
    names = {}
    for i in range(rounds):
        shapes = [Rect(i % 7 + 1, i % 5 + 1), Square(i % 4 + 1), Circle(i % 3 + 1)]
        for s in shapes:
            acc.add(s)
            if isinstance(s, Rect):
                s.width = s.width + 1
        d = shapes[i % 3].describe()
        names[d] = names.get(d, 0) + 1
    return acc.total, acc.n, len(names), Shape.count


total, n, distinct, count = run(100_000)
print("checksum %.3f %d %d %d" % (total, n, distinct, count))
