# The full traceback for -c code: file "<string>", no source line.
-c "x = 1; y = x / 0"
