# Python 3.12 `type` statement and generic function syntax.
type Point = tuple[float, float]
print(Point.__name__, Point.__value__)
def first[T](items: list[T]) -> T:
    return items[0]
print(first([3, 4]), first.__type_params__[0].__name__)
