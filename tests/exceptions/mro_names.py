# __mro__ of a few builtin exceptions.
for cls in (ZeroDivisionError, KeyError, UnicodeDecodeError, ModuleNotFoundError, RecursionError, StopIteration, SystemExit, TabError, bool):
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
