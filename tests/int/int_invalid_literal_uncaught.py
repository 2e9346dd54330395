# Uncaught ValueError from int(): only the last line of stderr is checked.
n = int("12abc")
