# A script run directly has no parent package, so relative imports fail.
print(repr(__package__), __spec__)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .sibling import name
except ImportError as e:
    print(type(e).__name__, e)
from .. import parent_thing
