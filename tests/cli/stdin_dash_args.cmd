# "-" reads the program from stdin; the remaining arguments go to sys.argv.
- alpha beta
