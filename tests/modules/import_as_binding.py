# `import m as alias` binds only the alias; rebinding and deleting names does not unload modules.
import sys
import _plain_helper as helper
print("helper" in globals(), "_plain_helper" in globals(), helper.present)
import _plain_helper
print(_plain_helper is helper)
helper = "rebound"
print(sys.modules["_plain_helper"].present, helper)
del _plain_helper
print("_plain_helper" in sys.modules)
from _plain_helper import present as p1, present as p2
print(p1, p2, p1 is p2)
import os.path as osp, sys as system
print(osp is sys.modules["os"].path, system is sys)
try:
    import _plain_helper.present
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
