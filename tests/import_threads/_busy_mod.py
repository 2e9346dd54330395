# Support module whose body never blocks: it computes until another thread has run (the GIL's
# forced switch, every 5 ms), then finishes its definitions.
import _log
import _sync

_log.runs.append(__name__)
START = True
n = 0
while not _sync.other_thread_ran.is_set():
    n += 1
SPUN = n > 0
END = "end"
