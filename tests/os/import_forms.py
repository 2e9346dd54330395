# `import os.path` and friends: os.path is the posixpath module, also in sys.modules.
import sys
import os.path
import os.path as p
from os import path, sep
from os.path import join as j
import posixpath

print(p is os.path, path is os.path, posixpath is os.path, j("a", "b"), sep)
print(sys.modules["os.path"] is os.path, sys.modules["os"] is os)
print(os.path.__name__, os.__name__, os.name, type(os).__name__)
print(callable(os.path.exists), callable(os.walk), callable(os.scandir))
