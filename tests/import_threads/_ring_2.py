import _log
import _sync

_log.runs.append(__name__)
_sync.b_started.set()
_sync.a_started.wait(10)
_sync.c_started.wait(10)
import _ring_3

NAME = "ring2"


def next_name():
    return _ring_3.NAME
