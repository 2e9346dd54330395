# Cycles through exceptions, tracebacks and frames (args, __cause__, __context__, __traceback__,
# notes, subclass fields) are collected, with CPython 3.12's counts.
import gc, sys

gc.collect()

class A:
    __slots__ = ("e",)
    def __init__(self):
        try:
            1 / 0
        except Exception as e:
            self.e = e
a = A()
del a
print("self.e = e cycle:", gc.collect())

def keep_exc():
    try:
        raise ValueError("v")
    except ValueError as e:
        err = e
    return err
e = keep_exc()
print("exception in its own frame's locals, alive:", gc.collect())
del e
print("... released:", gc.collect() > 0)

def chained():
    try:
        try:
            raise KeyError("inner")
        except KeyError as inner:
            raise RuntimeError("outer") from inner
    except RuntimeError as outer:
        exc = outer
    return exc
e = chained()
print(type(e.__cause__).__name__, type(e.__context__).__name__)
del e
print("cause/context chain:", gc.collect())

def with_notes():
    try:
        raise TypeError("t")
    except TypeError as e:
        e.add_note("note")
        e.self_ref = e
        return e
e = with_notes()
del e
print("notes and __dict__:", gc.collect())

def frame_cycle():
    f = sys._getframe()
    return f
f = frame_cycle()
print("frame object with its own frame in locals:", f.f_code.co_name)
del f
print("frame cycle:", gc.collect())

def group():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        saved = eg
    except* TypeError:
        pass
    return saved
g = group()
print(type(g).__name__, len(g.exceptions))
del g
print("exception group:", gc.collect() > 0)

class MyErr(Exception):
    def __init__(self, owner):
        super().__init__("mine")
        self.owner = owner
class Owner:
    __slots__ = ("err",)
o = Owner()
o.err = MyErr(o)
del o
print("exception subclass with an attribute cycle:", gc.collect())

def stop():
    s = StopIteration([1])
    s.value.append(s)
    return s
s = stop()
del s
print("StopIteration value cycle:", gc.collect())

class OE(OSError):
    pass
x = OE(2, "nope", "file")
x.filename = [x]
del x
print("OSError filename cycle:", gc.collect())

tb_holder = []
def tb_cycle():
    try:
        raise IndexError("i")
    except IndexError:
        tb_holder.append(sys.exc_info()[2])
        tb_holder.append(tb_holder)
tb_cycle()
del tb_holder
print("traceback in a list cycle:", gc.collect())
