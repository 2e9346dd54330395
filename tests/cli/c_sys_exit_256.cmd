# Exit statuses are taken modulo 256 on POSIX.
-c "import sys; sys.exit(256 + 7)"
