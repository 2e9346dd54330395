# sys.argv for a script run as `interpreter argv_script.py`.
import sys
print(sys.argv, len(sys.argv), type(sys.argv).__name__)
