# Attribute lookup follows the MRO; the first class defining the name wins.
class Root:
    tag = "root"
    def who(self): return "Root.who"
    def only_root(self): return "only in Root"
class Left(Root):
    def who(self): return "Left.who"
class Right(Root):
    tag = "right"
    def who(self): return "Right.who"
    def hello(self): return "Right.hello"
class Leaf(Left, Right):
    pass
leaf = Leaf()
print(leaf.who(), leaf.tag, leaf.hello(), leaf.only_root())
for k in Leaf.__mro__:
    print(k.__name__, sorted(n for n in vars(k) if not n.startswith("__")))
Right.tag = "changed"
print(leaf.tag)
del Right.tag
print(leaf.tag)
Left.tag = "left now"
print(leaf.tag, Leaf.tag, Root.tag)
