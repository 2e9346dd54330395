# A syntax error in -c code: status 1.
-c "x = (1,"
