# bool() and len/truth interplay.
print(bool(), bool(0), bool(1), bool(""), bool("x"), bool([]), bool({}), bool(0.0), bool(-0.0), bool(float("nan")), bool(range(0)))
print(True + False, True * 3, str(True), repr(False), bool("False"), type(bool(1)).__name__)
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
