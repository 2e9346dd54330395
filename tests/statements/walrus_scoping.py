# := in a comprehension binds in the enclosing function scope.
def f(data):
    if any((hit := x) > 2 for x in data):
        return hit
    return None
print(f([1, 3, 5]), f([0]))
total = 0
[total := total + v for v in range(5)]
print(total)
