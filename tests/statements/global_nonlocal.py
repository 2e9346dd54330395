# global and nonlocal declarations.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
add = make()
print(add(5), add(10))
def define_global():
    global created_later
    created_later = "made inside"
define_global()
print(created_later)
def outer():
    x = "outer"
    def inner():
        x = "inner"
        return x
    inner()
    return x
print(outer())
