# An uncaught exception in a module run with -m.
-m _support.raises
