# __del__ runs as soon as the last reference disappears.
import sys
class Res:
    def __init__(self, n): self.n = n; print("acquire", n)
    def __del__(self): print("release", self.n)
r = Res(1)
print(sys.getrefcount(r))
r2 = r
print(sys.getrefcount(r))
del r
print("after del r")
del r2
print("after del r2")
def scope():
    tmp = Res(2)
    print("leaving scope")
scope()
print("after scope")
Res(3)
print("end")
