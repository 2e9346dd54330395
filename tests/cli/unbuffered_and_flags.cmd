# -u, -B, -E and -s are accepted.
-u -B -E -s -c "import sys; print(sys.flags.dont_write_bytecode, sys.flags.ignore_environment, sys.flags.no_user_site)"
