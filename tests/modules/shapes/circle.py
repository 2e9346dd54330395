PI = 3
def area(r):
    return PI * r * r
