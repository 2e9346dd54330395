# An uncaught exception group: CPython 3.12's boxed 'Exception Group Traceback' with nested groups, chained sub-exceptions and notes.
def f():
    raise ValueError("inner")
def g():
    try:
        f()
    except ValueError as e:
        raise TypeError("during") from e
excs = []
for fn in (f, g):
    try:
        fn()
    except Exception as e:
        excs.append(e)
e1 = KeyError("k")
e1.add_note("note one\nsecond line")
inner = ExceptionGroup("inner group", [e1, OSError(2, "nope")])
try:
    raise inner
except ExceptionGroup as e:
    inner = e
try:
    raise ExceptionGroup("many", excs + [inner, ZeroDivisionError("z")])
except* ZeroDivisionError:
    print("handled z")
