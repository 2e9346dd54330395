# ExceptionGroup and except*.
try:
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions], type(eg).__name__)
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
eg = ExceptionGroup("msg", [KeyError("k")])
print(repr(eg), str(eg), eg.message, len(eg.exceptions))
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print(type(e).__name__, e)
