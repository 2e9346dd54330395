# Objects with __del__ in a cycle are finalized once (PEP 442), then collected.
import gc

finalized = []

class Node:
    __slots__ = ("name", "other")

    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        finalized.append(self.name)

gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("before collect:", finalized)
print("collected:", gc.collect())
print("finalized:", sorted(finalized))

# A self-cycle.
finalized.clear()
c = Node("c")
c.other = c
del c
print("self cycle:", gc.collect(), finalized)

# No cycle: freed at once by reference counting, no collection needed.
finalized.clear()
d = Node("d")
del d
print("no cycle:", finalized)
