# Subclassing builtins.
class Upper(str):
    def shout(self): return self.upper() + "!"
class Counter(dict):
    def __missing__(self, key): return 0
class Stack(list):
    def push(self, x): self.append(x)
u = Upper("hey")
c = Counter(a=1)
s = Stack([1])
s.push(2)
print(u.shout(), u + "x", type(u + "x").__name__, isinstance(u, str), c["a"], c["zz"], s, len(s), type(s).__name__)
