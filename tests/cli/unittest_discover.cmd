# -m unittest discover on a small library's test suite (all pass, one skipped)
-m unittest discover -s _support/calclib -v
