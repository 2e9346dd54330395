# A module body runs once; later imports use sys.modules. Removing the entry or reload() re-runs it.
import sys, importlib
import _runs_once
import _runs_once
from _runs_once import counter
m = importlib.import_module("_runs_once")
print("counter", counter, m is _runs_once, m is sys.modules["_runs_once"])
old = sys.modules.pop("_runs_once")
import _runs_once
print("fresh module object:", _runs_once is not old, _runs_once.counter, old.counter)
reloaded = importlib.reload(_runs_once)
print("reload keeps identity:", reloaded is _runs_once, _runs_once.counter)
def again():
    import _runs_once
    return _runs_once.counter
print(again(), again())
