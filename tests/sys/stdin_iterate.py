# Iterating over sys.stdin line by line (tests/sys/stdin_iterate.in).
import sys
total = 0
for line in sys.stdin:
    total += int(line)
    print("read", line.rstrip("\n"))
print("total", total)
