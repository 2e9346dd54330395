# Support module whose body releases the GIL (time.sleep) between its definitions.
import time

import _log

_log.runs.append(__name__)


def first():
    return "first"


time.sleep(0.01)
MIDDLE = "middle"
time.sleep(0.01)


def dumps(x):
    return "dumps(%r)" % (x,)


time.sleep(0.01)
LAST = "last"
