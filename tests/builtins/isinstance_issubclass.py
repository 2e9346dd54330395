# isinstance and issubclass with tuples and errors.
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("a", (int, str)), isinstance(None, type(None)))
print(isinstance([], list), isinstance((), list), isinstance(1.0, int | float), isinstance(int, type), isinstance(type, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, object)), issubclass(list, list), issubclass(float, int | str))
for bad in ("isinstance(1, 1)", "issubclass(1, int)", "isinstance(1, (str, 'x'))"):
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", type(e).__name__, e)
