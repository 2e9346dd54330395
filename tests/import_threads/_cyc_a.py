# Support module: one half of a circular import that two threads start from both ends at once.
import _log
import _sync

_log.runs.append(__name__)
_sync.a_started.set()
_sync.b_started.wait(10)
import _cyc_b


def fa():
    return "fa sees " + _cyc_b.B


A = "A"
