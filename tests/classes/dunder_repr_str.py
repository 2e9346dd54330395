# __repr__ and __str__.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents / 100:.2f}"
m = Money(1234)
print(m, repr(m), [m], f"{m}", f"{m!r}", str(m), "%s %r" % (m, m))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()))
