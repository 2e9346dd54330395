# Support modules _ring_1 -> _ring_2 -> _ring_3 -> _ring_1: a cycle of three threads.
import _log
import _sync

_log.runs.append(__name__)
_sync.a_started.set()
_sync.b_started.wait(10)
_sync.c_started.wait(10)
import _ring_2

NAME = "ring1"


def next_name():
    return _ring_2.NAME
