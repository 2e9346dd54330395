# A finalizer run by the collector may resurrect its object: the object then
# survives the collection, and __del__ never runs a second time.
import gc

saved = []
calls = []

class Phoenix:
    __slots__ = ("me", "name")

    def __del__(self):
        calls.append(self.name)
        saved.append(self)

gc.collect()
p = Phoenix()
p.name = "p"
p.me = p
del p
print("collected:", gc.collect())
print("calls:", calls)
print("resurrected:", len(saved), saved[0].name, saved[0].me is saved[0])
print("finalized flag:", gc.is_finalized(saved[0]))

saved.clear()
print("collected again:", gc.collect())
print("calls:", calls)

# Resurrecting another object of the cycle keeps the whole cycle alive.
class Keeper:
    __slots__ = ("partner", "name")

    def __del__(self):
        calls.append(self.name)
        if self.name == "k1":
            saved.append(self.partner)

calls.clear()
k1 = Keeper()
k2 = Keeper()
k1.name, k2.name = "k1", "k2"
k1.partner, k2.partner = k2, k1
del k1, k2
print("collected:", gc.collect())
print("calls:", sorted(calls))
print("kept:", saved[0].name, saved[0].partner.name)
saved.clear()
print("collected again:", gc.collect())
print("calls:", sorted(calls))
