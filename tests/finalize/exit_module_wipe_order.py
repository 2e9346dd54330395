# At exit, modules still alive after the final collection (here: kept by a sys attribute) have
# their globals set to None: the module imported last first, and in each module the names with
# one leading underscore before the others (CPython's finalize_modules_clear_weaklist and
# _PyModule_ClearDict).
import sys
import _wipe_a
import _wipe_b

sys._keep_alive = (_wipe_a, _wipe_b)
print("end of program")
