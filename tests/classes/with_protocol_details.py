# with: __exit__ receives (type, value, traceback); a truthy result suppresses; errors in the protocol.
class Recorder:
    def __init__(self, result): self.result = result
    def __enter__(self):
        print("  enter")
        return self
    def __exit__(self, et, ev, tb):
        print("  exit", et.__name__ if et else None, repr(ev), type(tb).__name__)
        return self.result
for result in (None, 0, "", 1, "yes", [1]):
    try:
        with Recorder(result):
            raise KeyError("k")
        print(repr(result), "-> suppressed")
    except KeyError:
        print(repr(result), "-> propagated")
with Recorder(False) as r:
    print("  body", type(r).__name__)
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *exc):
        raise RuntimeError("from __exit__")
try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
class EnterRaises:
    def __enter__(self): raise OSError("cannot enter")
    def __exit__(self, *exc):
        print("  never printed")
try:
    with EnterRaises():
        print("  never printed")
except OSError as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self): return self
class NoEnter:
    def __exit__(self, *a): pass
for obj in (NoExit(), NoEnter(), 42):
    try:
        with obj:
            pass
    except TypeError as e:
        print(type(e).__name__, e)
def loop():
    out = []
    for i in range(4):
        with Recorder(True):
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
    return out
print(loop())
