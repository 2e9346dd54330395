# import consults sys.modules first: any object placed there is returned; None blocks the import.
import sys
class Fake:
    answer = 42
sys.modules["fake_module"] = Fake()
import fake_module
print(type(fake_module).__name__, fake_module.answer)
from fake_module import answer
print(answer)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from blocked import x
except ImportError as e:
    print(type(e).__name__, e)
import types
mod = types.ModuleType("built_by_hand", "a docstring")
mod.value = "hand made"
sys.modules["built_by_hand"] = mod
import built_by_hand
print(built_by_hand.value, built_by_hand.__name__, built_by_hand.__doc__, repr(built_by_hand))
try:
    from fake_module import missing
except ImportError as e:
    print(type(e).__name__, e)
