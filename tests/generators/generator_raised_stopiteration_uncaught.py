# An uncaught "generator raised StopIteration" ends the program with RuntimeError.
def numbers():
    source = iter([1, 2])
    while True:
        yield next(source) * 10
for n in numbers():
    print(n)
