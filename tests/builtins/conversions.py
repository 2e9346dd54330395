# Builtin type constructors converting between types.
print(int("7"), float("7"), str(7), bool(7), list("ab"), tuple([1]), set([1, 1]), frozenset("aa"), dict([(1, 2)]))
print(list({"a": 1}), tuple({"a": 1}.items()), list(b"ab"), bytes([1]), bytearray("x", "ascii"))
print(int(True), float(False), str(None), list(range(0)), dict(a=1), list(map(int, "123")))
print(tuple(x for x in "ab"), list(), tuple(), set(), dict(), str(), bool())
