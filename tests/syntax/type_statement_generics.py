# PEP 695: `type` statements (lazily evaluated values) and generic functions.
type Point = tuple[float, float]
print(Point.__name__, Point.__value__, Point, type(Point).__name__, Point.__module__)

type Lazy = Undefined  # not evaluated until __value__ is read
print("defined", Lazy.__name__)
try:
    Lazy.__value__
except NameError as e:
    print("NameError", e)
Undefined = int
print(Lazy.__value__)

type IntList = list[int]
print(IntList.__value__, IntList.__type_params__)

def first[T](items: list[T]) -> T:
    return items[0]
print(first([3, 4]), first.__name__, first.__qualname__)
T = first.__annotations__["return"]
print(type(T).__name__, T.__name__, first.__annotations__)

def pair[K, V: int](k: K, v: V = 5, *, w=2) -> tuple[K, V]:
    return (k, v, w)
print(pair("a"), pair.__defaults__, pair.__kwdefaults__)
print(pair.__annotations__["v"].__bound__)

def deco(f):
    print("decorating", f.__name__)
    return f

@deco
def ident[T](x: T) -> T:
    def inner():
        return x
    return inner()
print(ident(9))

def outer():
    def local_generic[U](u: U) -> U:
        return u
    return local_generic
print(outer().__qualname__, outer()("u"))
