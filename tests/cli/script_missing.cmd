# A script that does not exist: status 2.
no_such_script.py
