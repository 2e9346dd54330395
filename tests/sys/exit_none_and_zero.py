# sys.exit() and sys.exit(0) exit successfully; SystemExit can be caught.
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught", e.code, type(e.code).__name__)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code)
try:
    raise SystemExit("text")
except SystemExit as e:
    print("caught", repr(e.code))
sys.exit(0)
