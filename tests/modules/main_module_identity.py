# The script runs as module __main__; other modules can import it via `import __main__`.
import sys, os
MARKER = "defined in the script"
print(__name__, sys.modules["__main__"] is sys.modules[__name__], os.path.basename(__file__))
print(__spec__, __package__ in (None, ""), type(__builtins__).__name__)
import _reads_main
print(_reads_main.main_info())
if __name__ == "__main__":
    print("main block runs")
else:
    print("never")
print(__doc__, sys.argv[0])
