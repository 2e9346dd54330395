# A script that exits with the status it is given.
_support/exit_with.py 5
