# Everything after -c CODE belongs to the program, even options.
-c "import sys; print(sys.argv[1:])" -V -c --x
