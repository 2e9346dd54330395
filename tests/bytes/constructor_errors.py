# bytes() construction and errors.
print(bytes("é", "utf-8"), bytes(b"xy"), bytes(bytearray(b"z")), bytes(memoryview(b"mv")))
for bad in (lambda: bytes("abc"), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(-1), lambda: bytes(["a"]), lambda: bytes(1.5)):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
