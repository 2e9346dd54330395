# Destruction order: the container's __del__ runs first, then its attributes are released.
class Node:
    def __init__(self, name, *children):
        self.name = name
        self.children = list(children)
    def __del__(self):
        print("del", self.name, "children:", [c.name for c in self.children])
root = Node("root", Node("left", Node("leaf")), Node("right"))
print("dropping root")
root = None
print("-- resurrection-free __del__ can access attributes")
class Logger:
    log = []
    def __init__(self, tag): self.tag = tag
    def __del__(self): Logger.log.append(self.tag)
for i in range(3):
    Logger(i)
print(Logger.log)
x = [Logger("x")]
y = x
x = None
print(Logger.log)
y = None
print(Logger.log)
print("-- __del__ via exception variable cleanup")
def f():
    try:
        raise ValueError(Node("in exception"))
    except ValueError as e:
        print("handling", e.args[0].name)
    print("after except block")
f()
print("end")
