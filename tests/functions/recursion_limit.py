# Infinite recursion raises RecursionError.
import sys
def down(n):
    return down(n + 1)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(issubclass(RecursionError, RuntimeError))
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) < 200)
