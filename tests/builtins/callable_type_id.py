# callable, type, id.
def f(): pass
print(callable(f), callable(len), callable(1), callable(int), callable("x".upper), callable(lambda: 0), callable(None))
print(type(1), type("a"), type([]), type(type), type(f), type(len), type(None), type(range(1)), type(...))
print(type(1) is int, type(type(1)) is type)
a = []
print(id(a) == id(a), id(a) != id([]), isinstance(id(a), int))
print(type("Name", (), {}).__name__)
