# sys.stdout.write returns the number of characters written and adds no newline.
import sys
n = sys.stdout.write("hello")
sys.stdout.write("\n")
print(n, sys.stdout.write("é😀\n"))
sys.stderr.write("to stderr\n")
sys.stdout.flush()
print(sys.stdout.writable(), hasattr(sys.stdin, "readline"))
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
