# Defining a class, creating instances, instance and class attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, type(p).__name__, isinstance(p, Point))
p.z = 5
print(sorted(vars(p).items()), Point.norm2(p))
