# Reading stdin directly (tests/sys/stdin_read.in).
import sys
first = sys.stdin.readline()
rest = sys.stdin.read()
print(repr(first), repr(rest), repr(sys.stdin.readline()))
