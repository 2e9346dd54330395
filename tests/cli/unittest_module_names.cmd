# -m unittest discover -k: only the tests whose names match the substring run
-m unittest discover -s _support/calclib -k Tokenize -v
