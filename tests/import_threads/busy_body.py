# A module body that never blocks, computing until another thread has run: the GIL switches
# threads in the middle of the body (the 5 ms interval), and the other thread, importing the same
# module, waits until the body has finished.
import sys
import threading

import _log
import _sync


def importer():
    import _busy_mod
    results.append(("importer", _busy_mod.END))


def latecomer():
    while "_busy_mod" not in _log.runs:  # the body is running in the importer's thread
        pass
    _sync.other_thread_ran.set()
    try:
        import _busy_mod
        results.append(("latecomer", _busy_mod.END, _busy_mod.SPUN))
    except Exception as e:
        results.append(("latecomer", type(e).__name__, str(e)))


results = []
t1 = threading.Thread(target=importer)
t2 = threading.Thread(target=latecomer)
t1.start()
t2.start()
t1.join(20)
t2.join(20)
print(sorted(results))
print("bodies run:", _log.runs)
print("in sys.modules:", "_busy_mod" in sys.modules)
