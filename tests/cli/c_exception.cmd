# An uncaught exception in -c code: traceback on stderr, status 1.
-c "print('before'); 1/0"
