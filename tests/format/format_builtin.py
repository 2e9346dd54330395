# format() builtin and object.__format__.
print(format(1.5), format("x"), format(None), format([1, 2]), format(True), format(True, "d"), format(True, "^7"))
try:
    format([1, 2], "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(None, ">5")
except TypeError as e:
    print(type(e).__name__, e)
print("{:>6}".format(None.__class__.__name__))
