# `is` with True/False/None and small values that are guaranteed singletons.
print(True is True, None is None, (1 == 1) is True, not None is True)
a = []
b = a
print(a is b, [] is [], a == [])
print(type(True) is bool, type(None) is type(None))
