# Comprehensions have their own scope; the loop variable does not leak.
x = "outer"
squares = [x * x for x in range(3)]
print(x, squares)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
class_like_total = 5
print([class_like_total + i for i in range(2)])
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)
print([i for i in range(3)], "i" in dir())
