# ModuleNotFoundError/ImportError messages for missing modules, submodules and names.
import os
cases = ["import nope", "import zoo.nope", "import zoo.keepers.sub", "from zoo import nope",
         "from zoo.animals import unicorn", "import nope.deeper", "from nope import x", "from sys import nope"]
for src in cases:
    try:
        exec(src)
    except ImportError as e:
        path = os.path.relpath(e.path) if e.path else e.path
        print(f"{src:34} {type(e).__name__}: {e} | name={e.name} path={path}")
print(issubclass(ModuleNotFoundError, ImportError))
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    import importlib
    importlib.import_module("..x")
except TypeError as e:
    print(type(e).__name__, e)
