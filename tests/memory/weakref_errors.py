# Many builtin objects cannot be weakly referenced.
import weakref
for obj in (1, "s", [1], (1,), {"a": 1}, None):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(type(e).__name__, e)
