# Support package for deadlock_error.py: its __init__ (run by the thread importing _dlpkg.sub)
# imports _dl_other, which another thread is executing.
import _sync

_sync.a_started.set()
_sync.b_started.wait(10)
import _dl_other

VALUE = "dlpkg"
