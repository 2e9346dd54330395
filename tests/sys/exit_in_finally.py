# finally blocks run when sys.exit is called.
import sys
try:
    sys.exit(2)
finally:
    print("finally ran")
