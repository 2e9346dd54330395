# print(): sep, end, file, flush, and no arguments.
import sys
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" -> ", end=" <end>\n")
print()
print("no newline", end="")
print(" continued")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(1, None, [1], sep=None, end=None)
print(*[], sep="x")
for bad in ({"sep": 1}, {"end": 2}, {"file": 3}):
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
