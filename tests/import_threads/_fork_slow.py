# Support module: in the original process its body waits (inside the import) until the test lets
# it go; in a fork child it runs straight through.
import os

import _log
import _sync

_log.runs.append(__name__)
if os.getpid() == _sync.parent_pid:
    _sync.in_body.set()
    _sync.release.wait(10)
X = "complete"
