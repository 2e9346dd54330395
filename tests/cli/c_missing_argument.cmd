# -c without its argument: error, usage, status 2.
-c
