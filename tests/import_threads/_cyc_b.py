import _log
import _sync

_log.runs.append(__name__)
_sync.b_started.set()
_sync.a_started.wait(10)
import _cyc_a


def fb():
    return "fb sees " + _cyc_a.A


B = "B"
