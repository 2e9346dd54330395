# weakref.proxy forwards attribute access, operators, calls, len and iteration
# to the referent, and raises ReferenceError once it is gone.
import weakref

class Box:
    def __init__(self, items):
        self.items = items
        self.name = "box"
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, x):
        return x in self.items
    def __add__(self, other):
        return len(self.items) + other
    def __eq__(self, other):
        return isinstance(other, Box) and self.items == other.items
    def __str__(self):
        return "Box%s" % (self.items,)

b = Box([1, 2, 3])
p = weakref.proxy(b)
print(type(p).__name__, type(p) is weakref.ProxyType)
print(p.name, len(p), p[1], list(p), 2 in p, p + 10, str(p), p == Box([1, 2, 3]))
p.name = "renamed"
print(b.name)
print(weakref.proxy(b) is p, weakref.getweakrefcount(b))
text = repr(p)
print(text.startswith("<weakproxy at 0x"), " to Box at 0x" in text)

try:
    hash(p)
except TypeError as e:
    print("TypeError", e)

def twice(x):
    return 2 * x

cp = weakref.proxy(twice)
print(type(cp).__name__, cp(21))

calls = []
p2 = weakref.proxy(b, lambda pr: calls.append("dead"))
print(p2 is p)
del b
print(calls)
for action in (lambda: p.name, lambda: len(p), lambda: str(p), lambda: p + 1):
    try:
        action()
    except ReferenceError as e:
        print("ReferenceError", e)
print(" to NoneType at 0x" in repr(p), bool(weakref.getweakrefcount(twice)))
