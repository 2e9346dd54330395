# Support module for deadlock_error.py: waits until the other thread is blocked on this module's
# lock (holding the lock of _dlpkg.sub), then imports _dlpkg.sub, which would close the cycle.
import sys
import time

import _sync

_sync.b_started.set()
_sync.a_started.wait(10)
time.sleep(0.2)
try:
    import _dlpkg.sub
    outcome = "imported"
except RuntimeError as e:
    outcome = "%s (%s.%s): %s" % (
        isinstance(e, RuntimeError), type(e).__module__, type(e).__name__,
        str(e).split(" at ")[0])
OTHER = "other"
