# __del__ runs exactly when the last reference goes away.
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)
print("-- rebinding a name")
a = Res("a1")
a = Res("a2")
print("-- temporary never bound")
Res("temp")
print("-- two references")
b = Res("b")
c = b
del b
print("still alive")
del c
print("-- list clear")
items = [Res("i1"), Res("i2")]
items.clear()
print("-- returned object discarded")
def make(n):
    r = Res(n)
    return r
make("ret")
kept = make("kept")
print("-- function locals at return")
def work():
    x = Res("local")
    print("work body done")
    return 1
work()
print("-- attribute replaced")
holder = Res("holder")
holder.child = Res("child1")
holder.child = Res("child2")
print("-- dict entry popped")
d = {"k": Res("dictval")}
d.pop("k")
print("-- end of module")
del a, kept, holder
print("done")
