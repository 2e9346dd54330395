# bool is an int subclass.
print(True + 1, True * 10, False - 1, True / 2, True // 2)
print(isinstance(True, int), type(True + True).__name__)
print(sum([True, True, False, True]))
print(True & False, True | False, True ^ True, ~int(True))
print(type(True & False).__name__, type(True & 1).__name__)
print(str(True), repr(False), int(True), float(False))
print(bool(0), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0))
