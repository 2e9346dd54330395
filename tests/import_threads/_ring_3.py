import _log
import _sync

_log.runs.append(__name__)
_sync.c_started.set()
_sync.a_started.wait(10)
_sync.b_started.wait(10)
import _ring_1

NAME = "ring3"


def next_name():
    return _ring_1.NAME
