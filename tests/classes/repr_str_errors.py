# __repr__/__str__ must return str; errors inside them propagate out of print/format.
class BadRepr:
    def __repr__(self): return 1
class BadStr:
    def __str__(self): return None
class StrSubReturn:
    class S(str): pass
    def __str__(self): return StrSubReturn.S("subclass of str is allowed")
class Raises:
    def __repr__(self): raise ValueError("repr failed")
for f in (lambda: repr(BadRepr()), lambda: str(BadRepr()), lambda: str(BadStr()), lambda: print(BadStr()),
          lambda: f"{BadStr()}", lambda: [BadRepr()].__repr__(), lambda: "%s" % BadStr()):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(str(StrSubReturn()), type(str(StrSubReturn())).__name__)
for f in (lambda: repr(Raises()), lambda: str([Raises()]), lambda: f"{Raises()!r}"):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
