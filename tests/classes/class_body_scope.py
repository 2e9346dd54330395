# The class body is its own namespace: names are not visible from methods, but are from the body.
x = "global x"
class C:
    x = "class x"
    y = x + " used in body"
    def method(self):
        return x
    doubled = [x for _ in range(2)]
    items = [1, 2, 3]
    total = sum(i for i in items)
print(C.y, C().method(), C.doubled, C.total)
def make():
    local = "enclosing local"
    class Inner:
        seen = local
        def get(self): return local
    return Inner
I = make()
print(I.seen, I().get(), I.__qualname__)
class Outer:
    class Nested:
        def name(self): return type(self).__qualname__
    def make_nested(self): return self.Nested()
print(Outer().make_nested().name(), Outer.Nested.__qualname__, Outer.Nested.__name__)
class Counter:
    n = 0
    for i in range(3):
        n += i
    del i
print(Counter.n, hasattr(Counter, "i"))
try:
    class Fails:
        a = 1
        b = [a + k for k in range(2)]
except NameError as e:
    print(type(e).__name__, e)
def f():
    class Local:
        pass
    return Local
print(f().__qualname__, f() is f())
