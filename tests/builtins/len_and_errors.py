# len() of builtins and its errors.
print(len("abc"), len(b"ab"), len([1]), len(()), len({"a": 1}), len({1, 2}), len(range(10)), len(frozenset()), len(bytearray(4)))
for v in (5, 2.5, None, iter([])):
    try:
        len(v)
    except TypeError as e:
        print(type(e).__name__, e)
