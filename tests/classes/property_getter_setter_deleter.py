# property with @x.setter/@x.deleter chains, property() call form, and error messages.
class Account:
    def __init__(self):
        self._balance = 0
    @property
    def balance(self):
        """The balance in cents."""
        print("  get")
        return self._balance
    @balance.setter
    def balance(self, value):
        print("  set", value)
        self._balance = value
    @balance.deleter
    def balance(self):
        print("  delete")
        self._balance = 0
acc = Account()
acc.balance = 50
print(acc.balance)
acc.balance += 25
print(acc.balance)
del acc.balance
print(acc.balance, Account.balance.__doc__)
p = Account.balance
print(type(p).__name__, p.fget.__name__, p.fset.__name__, p.fdel.__name__)
class Legacy:
    def _get(self): return "got"
    def _set(self, v): print("  legacy set", v)
    x = property(_get, _set, None, "legacy doc")
    ro = property(lambda self: "read only")
lg = Legacy()
lg.x = 3
print(lg.x, Legacy.x.__doc__, lg.ro, Legacy.ro.fset)
for f in (lambda: setattr(lg, "ro", 1), lambda: delattr(lg, "ro"), lambda: delattr(lg, "x")):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e)
base = property(lambda self: 1)
derived = base.setter(lambda self, v: None)
print(base is derived, base.fset is None, derived.fset is not None, derived.fget is base.fget)
class WriteOnly:
    secret = property(None, lambda self, v: print("  stored", v))
w = WriteOnly()
w.secret = "s"
try:
    w.secret
except AttributeError as e:
    print(type(e).__name__, e)
