# Comprehensions that capture variables create closures over the comprehension scope.
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [(lambda j: lambda: j)(i) for i in range(3)]
print([f() for f in funcs])
def outer(n):
    return [[n * i + j for j in range(2)] for i in range(2)]
print(outer(10))
