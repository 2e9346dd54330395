# bytes vs bytearray vs str comparisons and hashing.
print(b"abc" == bytearray(b"abc"), b"abc" == "abc", bytearray(b"a") < b"b")
print(hash(b"") == hash(b""), {b"k": 1}[b"k"])
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"a" < "b"
except TypeError as e:
    print(type(e).__name__, e)
