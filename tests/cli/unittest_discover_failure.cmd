# -m unittest discover with a pattern: an error in one test -> FAILED (errors=1), status 1
-m unittest discover -s _support/calclib -p "check_*.py"
