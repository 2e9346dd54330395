# WeakValueDictionary, WeakKeyDictionary and WeakSet drop entries when their
# objects die; finalize calls its function once.
import gc
import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Obj(%s)" % self.name

a, b, c = Obj("a"), Obj("b"), Obj("c")

wvd = weakref.WeakValueDictionary()
wvd["a"] = a
wvd["b"] = b
wvd["c"] = c
print(len(wvd), sorted(wvd), wvd["a"], "b" in wvd, wvd.get("zz", "default"))
del b
print(len(wvd), sorted(wvd.keys()), sorted(v.name for v in wvd.values()))
try:
    wvd["b"]
except KeyError as e:
    print("KeyError", e)

wkd = weakref.WeakKeyDictionary()
wkd[a] = 1
wkd[c] = 3
print(len(wkd), sorted(wkd.values()), wkd[a], c in wkd)

ws = weakref.WeakSet([a, c])
print(len(ws), a in ws, sorted(o.name for o in ws))

del c
print(len(wvd), len(wkd), len(ws), sorted(wvd))

# Entries also go when the objects die in a cycle.
d = Obj("d")
d.self = d
wvd["d"] = d
ws.add(d)
del d
print(len(wvd), len(ws))
gc.collect()
print(len(wvd), len(ws), sorted(wvd))

# finalize
def goodbye(name, punct="!"):
    print("goodbye", name + punct)
    return name

e = Obj("e")
fin = weakref.finalize(e, goodbye, "e", punct="?")
print(fin.alive, fin.peek()[1] is goodbye)
del e
print(fin.alive, fin())

f = Obj("f")
fin2 = weakref.finalize(f, goodbye, "f")
print(fin2(), fin2.alive, fin2())
del f

g = Obj("g")
fin3 = weakref.finalize(g, goodbye, "g")
print(fin3.detach()[1] is goodbye, fin3.alive)
del g
print("end")
