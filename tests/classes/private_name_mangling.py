# Names starting with two underscores are mangled.
class A:
    def __init__(self): self.__secret = 1
    def get(self): return self.__secret
a = A()
print(a.get(), a._A__secret, sorted(vars(a)))
try:
    a.__secret
except AttributeError as e:
    print(type(e).__name__, e)
