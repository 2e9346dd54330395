# Generator attributes: gi_running, gi_frame, gi_code, gi_suspended, __name__, __qualname__.
def counter(n):
    for i in range(n):
        yield i
g = counter(2)
print(g.__name__, g.__qualname__, g.gi_code.co_name, g.gi_running, g.gi_suspended)
print(g.gi_frame is not None, g.gi_frame.f_lineno, g.gi_frame.f_locals)
next(g)
print(g.gi_running, g.gi_suspended, g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals.items()))
list(g)
print(g.gi_frame, g.gi_running, g.gi_suspended)
def outer():
    def inner_gen():
        yield 1
    return inner_gen()
print(outer().__qualname__)
g2 = counter(3)
g2.__name__ = "renamed"
print(g2.__name__, g2.__qualname__, type(g2).__name__, iter(g2) is g2)
try:
    g2.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
import types
print(isinstance(g2, types.GeneratorType), bool(counter.__code__.co_flags & 0x20), type(counter).__name__)
def watcher():
    yield w.gi_running
    yield w.gi_frame.f_code.co_name
w = watcher()
print(list(w), w.gi_running)
