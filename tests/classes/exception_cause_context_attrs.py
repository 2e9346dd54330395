# __cause__, __context__ and __suppress_context__ as set by raise, raise from and raise from None.
class AppError(Exception): pass
def show(e):
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__),
          "| suppress:", e.__suppress_context__)
try:
    raise AppError("plain")
except AppError as e:
    show(e)
try:
    try:
        {}["k"]
    except KeyError:
        raise AppError("during handling")
except AppError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise AppError("explicit cause") from z
except AppError as e:
    show(e)
try:
    try:
        int("x")
    except ValueError:
        raise AppError("hidden context") from None
except AppError as e:
    show(e)
try:
    raise AppError("cause without context") from OSError("os")
except AppError as e:
    show(e)
e = AppError("manual")
e.__cause__ = ValueError("set by hand")
show(e)
e.__suppress_context__ = False
print(e.__suppress_context__)
for bad in (5, "s"):
    try:
        e.__cause__ = bad
    except TypeError as err:
        print(type(err).__name__, err)
try:
    raise AppError("bad from") from 5
except TypeError as err:
    print(type(err).__name__, err)
try:
    raise AppError("from a class") from KeyError
except AppError as err:
    print(repr(err.__cause__))
