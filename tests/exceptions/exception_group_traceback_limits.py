# Exception group printing limits (15 sub-exceptions, 10 levels) and a group re-raised by except* with a handler's exception.
import traceback
eg = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
traceback.print_exception(eg)
e = ValueError("leaf")
for i in range(12):
    e = ExceptionGroup(f"level {i}", [e])
traceback.print_exception(e)
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from handler")
f()
