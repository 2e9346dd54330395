# Many small instances with a few attributes each: where the per-instance attribute storage costs
# (peak RSS), and attribute loads and stores (time).
class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


def run(n):
    points = [Point(i, -i, i * 2) for i in range(n)]
    total = 0
    for _ in range(3):
        for p in points:
            p.x += 1
            total += p.norm1()
    return total, len(points)


print("checksum", *run(200_000))
