"""collections.abc: the ABCs of the container types (see _collections_abc).

gilpy: re-exports lib/_collections_abc.py, as CPython does.
"""
from _collections_abc import *
from _collections_abc import __all__
