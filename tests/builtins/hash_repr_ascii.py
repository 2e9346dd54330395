# hash, repr, ascii.
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash(()) == hash(()), hash(None) == hash(None))
print(repr("a'b"), repr(1.0), repr([1, "x"]), repr(None), repr(b"\x00"), repr(range(3)), repr({1: "a"}))
print(ascii("naïve ☃"), ascii(["é"]), ascii(1), ascii("plain"))
for bad in ([], {}, set()):
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
