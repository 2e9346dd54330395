# ModuleNotFoundError and ImportError messages.
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _simple_mod import not_there
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import shapes.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import _raises_on_import
except RuntimeError as e:
    print(type(e).__name__, e)
import sys
print("_raises_on_import" in sys.modules)
