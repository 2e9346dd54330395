# Uncaught RecursionError: traceback ends with the message.
import sys
sys.setrecursionlimit(100)
def forever(n):
    return forever(n + 1) + 1
forever(0)
