# str() falls back to __repr__; containers always use repr of their items; print uses str.
class OnlyRepr:
    def __repr__(self): return "<OnlyRepr>"
class OnlyStr:
    def __str__(self): return "OnlyStr as str"
class Both:
    def __repr__(self): return "Both()"
    def __str__(self): return "both as str"
r, s, b = OnlyRepr(), OnlyStr(), Both()
print(r, str(r), repr(r), f"{r}")
print(s, str(s), repr(s).startswith("<__main__.OnlyStr object at 0x"))
print(b, [b], (b,), {"k": b}, {b}, f"{b} {b!r} {b!a}")
print("%s|%r|%a" % (b, b, b), "{}|{!r}".format(b, b), ascii(b))
class Unicode:
    def __repr__(self): return "Ünï"
print(repr(Unicode()), ascii(Unicode()), [Unicode()], ascii([Unicode()]))
class Sub(Both):
    def __repr__(self): return "Sub:" + super().__repr__()
print(Sub(), [Sub()])
class ReprUsesStr:
    def __str__(self): return "the str"
    __repr__ = __str__
print([ReprUsesStr()], ReprUsesStr.__repr__ is ReprUsesStr.__str__)
print(str(OnlyRepr.__repr__ is object.__repr__), str(OnlyStr.__repr__ is object.__repr__))
