# __class_getitem__ makes Class[...] work; it is an implicit classmethod.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
class SubBox(Box): pass
print(Box[int], Box["x"], Box[1, 2], SubBox[None], type(vars(Box)["__class_getitem__"]).__name__)
class Instance:
    def __getitem__(self, i): return ("instance", i)
    def __class_getitem__(cls, i): return ("class", i)
print(Instance()[0], Instance[0])
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__)
print(list[int]("ab"), list[int] == list[int], list[int].__origin__ is list, list[int].__args__)
class Plain: pass
for obj in (Plain, object):
    try:
        obj[int]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    Plain()[0]
except TypeError as e:
    print(type(e).__name__, e)
class Generic:
    __class_getitem__ = classmethod(lambda cls, item: (cls.__name__, item))
print(Generic[str])
