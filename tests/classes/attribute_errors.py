# AttributeError messages for instances and classes.
class Thing:
    def __init__(self): self.present = 1
t = Thing()
for name in ("missing", "__secret"):
    try:
        getattr(t, name)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    Thing.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.absent
except AttributeError as e:
    print(type(e).__name__, e)
t.presnt
