# import runs the module once and binds its name.
import _simple_mod
import _simple_mod
print(_simple_mod.VALUE, _simple_mod.double(4), _simple_mod.__name__, type(_simple_mod).__name__)
import sys
print("_simple_mod" in sys.modules, sys.modules["_simple_mod"] is _simple_mod)
