# Module attributes: __name__, __doc__, __file__ (relative to the test folder), dir().
import _simple_mod, os
print(_simple_mod.__doc__)
print(os.path.basename(_simple_mod.__file__), sorted(n for n in dir(_simple_mod) if not n.startswith("__")))
_simple_mod.added = "set from outside"
print(_simple_mod.added, hasattr(_simple_mod, "VALUE"), "__builtins__" in vars(_simple_mod))
