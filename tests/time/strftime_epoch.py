# strftime with gmtime(0) and a fixed struct_time: the common directives.
import time
epoch = time.gmtime(0)
for fmt in ("%Y-%m-%d %H:%M:%S", "%y %j %U %W %w", "%a %A %b %B", "%d/%m/%Y", "%I %p", "%%", "%H%M%S",
            "literal text", "", "%Y-%m-%dT%H:%M:%SZ", "%e"):
    print(repr(fmt), repr(time.strftime(fmt, epoch)))
t = time.struct_time((2023, 12, 31, 23, 59, 7, 6, 365, 0))
print(time.strftime("%A %d %B %Y, %I:%M:%S %p, day %j", t))
print(time.strftime("%c", epoch), "|", time.strftime("%x %X", epoch))
print(time.asctime(epoch), "|", time.asctime(t))
print(time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 1, 0)))
for bad in ("x", (1, 2), None):
    try:
        time.strftime("%Y", bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e:
    print(type(e).__name__, e)
