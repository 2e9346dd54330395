# Calling a class with wrong arguments.
class P:
    def __init__(self, a, b=1): self.a, self.b = a, b
for args in ((), (1, 2, 3)):
    try:
        P(*args)
    except TypeError as e:
        print(type(e).__name__, e)
class NoInit: pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
class BadInit:
    def __init__(self): return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)
