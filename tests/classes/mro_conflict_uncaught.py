# An inconsistent MRO in a class statement, uncaught.
class Base: pass
class Derived(Base): pass
print("before")
class Broken(Base, Derived):
    pass
print("not reached")
