# `from m import x` asks the module for __path__ first (only packages import submodules), which
# reaches a module-level __getattr__; then x comes from __getattr__ too (PEP 562).
from _lazy_attrs import lazy_value
import _lazy_attrs

print(lazy_value)
print(_lazy_attrs.requested)
try:
    from _lazy_attrs import missing
except ImportError as e:
    print(type(e).__name__, e)
print(_lazy_attrs.requested)

import os
from os import path, sep  # a plain module without __path__: no submodule import attempted
print(path is os.path, sep == os.sep, hasattr(os, "__path__"))
