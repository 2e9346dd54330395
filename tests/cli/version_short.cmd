# -V prints the version on stdout.
-V
