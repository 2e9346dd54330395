# Containers that contain themselves print [...]; a user __repr__ can use reprlib.recursive_repr.
import reprlib
lst = [1]
lst.append(lst)
d = {"self": None}
d["self"] = d
print(lst, d, repr(lst) == str(lst))
class Node:
    def __init__(self, name): self.name, self.links = name, []
    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Node({self.name}, {self.links})"
a, b = Node("a"), Node("b")
a.links.append(b)
b.links.append(a)
print(a, b)
class Deep:
    def __init__(self, inner): self.inner = inner
    def __repr__(self): return f"Deep({self.inner!r})"
x = None
for i in range(5):
    x = Deep(x)
print(x)
