# Eight threads import the same fresh module at once while the first importer's body releases the
# GIL (time.sleep between definitions): every thread gets the complete module (no "partially
# initialized module" error), whatever the import form, and the body runs once per round.
import importlib

import _log
from _runner import forget, run_threads


def import_stmt():
    import _slow_mod
    return _slow_mod.dumps(_slow_mod.LAST)


def from_import():
    from _slow_mod import LAST, dumps
    return dumps(LAST)


def dunder_import():
    m = __import__("_slow_mod")
    return m.dumps(m.LAST)


def import_module():
    m = importlib.import_module("_slow_mod")
    return m.dumps(m.LAST)


forms = [import_stmt, from_import, dunder_import, import_module]
for round in range(4):
    forget("_slow_mod")
    results = run_threads([forms[i % 4] for i in range(8)])
    print("round", round, sorted(set(results)))
print("bodies run:", _log.runs)
