# __slots__ restricts instance attributes.
class P:
    __slots__ = ("x", "y")
    def __init__(self): self.x = 1
p = P()
p.y = 2
print(p.x, p.y, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
q = P()
try:
    q.y
except AttributeError as e:
    print(type(e).__name__, e)
