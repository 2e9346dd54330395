# A directory without __init__.py is a namespace package.
import nspkg.plain
import nspkg
print(nspkg.plain.WHERE, nspkg.__name__, getattr(nspkg, "__file__", None))
print(len(list(nspkg.__path__)), os_basename := __import__("os").path.basename(list(nspkg.__path__)[0]))
from nspkg import plain
print(plain is nspkg.plain)
try:
    import nspkg.absent
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
