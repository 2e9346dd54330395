# Slicing bytes and bytearray returns the same type.
b = b"0123456789"
ba = bytearray(b)
print(b[2:5], b[::3], b[::-1], ba[2:5], ba[::-2], type(ba[1:]).__name__)
print(b[-1], ba[-1], b[5:2], ba[100:])
try:
    b[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    ba[10]
except IndexError as e:
    print(type(e).__name__, e)
