# Dropping the last reference to a suspended generator closes it (finally runs) right away.
def tracked(name):
    try:
        print("  start", name)
        yield 1
        yield 2
    finally:
        print("  finally", name)
g = tracked("a")
next(g)
print("deleting a")
del g
print("after del a")
def use_first():
    for x in tracked("b"):
        return x
print("use_first returned", use_first())
g = tracked("c")
next(g)
g = tracked("d")
print("rebound to d (not started)")
g = None
print("-- unstarted generator: no finally")
h = tracked("e")
del h
print("end")
