# iter()/next() errors for objects that do not implement the protocol correctly.
class NotIterable: pass
class BadIter:
    def __iter__(self): return [1, 2]
class NoNext:
    def __iter__(self): return self
class IterNone:
    __iter__ = None
class NextOnly:
    def __next__(self): return 1
for obj in (NotIterable(), BadIter(), NoNext(), IterNone(), NextOnly(), 5):
    try:
        iter(obj)
        print(type(obj).__name__, "iter ok")
    except TypeError as e:
        print(type(obj).__name__, type(e).__name__, e)
for obj in (NotIterable(), [1], NextOnly()):
    try:
        print(next(obj))
    except TypeError as e:
        print("next", type(e).__name__, e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print("for", type(e).__name__, e)
try:
    a, b = NotIterable()
except TypeError as e:
    print("unpack", type(e).__name__, e)
try:
    [*NotIterable()]
except TypeError as e:
    print("star", type(e).__name__, e)
