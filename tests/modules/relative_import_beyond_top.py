# Relative imports that go above the top-level package, or name a missing sibling, fail.
try:
    import zoo.animals.beyond
except ImportError as e:
    print(type(e).__name__, e)
try:
    import zoo.animals.missing_sibling
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
import sys
print("zoo.animals.beyond" in sys.modules, "zoo.animals.missing_sibling" in sys.modules, "zoo.animals" in sys.modules)
