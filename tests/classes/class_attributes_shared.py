# Mutable class attributes are shared between instances.
class Bad:
    items = []
    def add(self, x): self.items.append(x)
class Good:
    def __init__(self): self.items = []
    def add(self, x): self.items.append(x)
a, b = Bad(), Bad()
a.add(1); b.add(2)
c, d = Good(), Good()
c.add(1); d.add(2)
print(a.items, b.items, c.items, d.items, a.items is Bad.items)
a.items = ["own"]
print(a.items, b.items, Bad.items)
