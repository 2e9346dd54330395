# sys.exc_info() and sys.exception() inside and outside handlers.
import sys
print(sys.exc_info(), sys.exception())
try:
    raise IndexError("idx")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, repr(sys.exception()))
print(sys.exc_info()[0], sys.exception())
