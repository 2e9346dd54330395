# sys.exit("msg") prints msg to stderr and exits with status 1.
import sys
print("about to exit")
sys.exit("fatal: something went wrong")
