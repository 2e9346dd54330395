# No arguments: the program is read from stdin (stdin_program.in), sys.argv == [""].

