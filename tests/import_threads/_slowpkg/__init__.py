# Support package: a slow __init__ that imports one of its submodules.
import time

import _log

_log.runs.append(__name__)
time.sleep(0.02)
from . import helper

time.sleep(0.02)
VALUE = "pkg value " + helper.NAME
