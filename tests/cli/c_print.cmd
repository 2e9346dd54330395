# -c runs a program given on the command line.
-c "print('hi from -c'); print(1 + 1)"
