# gmtime(0) is the Unix epoch; struct_time fields by name and index; other fixed timestamps.
import time
t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], t[:3], tuple(t), t.tm_zone, t.tm_gmtoff)
print(time.gmtime(86400 * 365).tm_year, time.gmtime(951782400)[:6], time.gmtime(1e9)[:6], time.gmtime(-86400)[:3])
print(time.gmtime(1.99).tm_sec, time.gmtime(2 ** 31)[:6])
try:
    t.tm_year = 2000
except AttributeError as e:
    print(type(e).__name__, e)
s = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0))
print(s.tm_mon, s.tm_yday, s == (2024, 2, 29, 12, 30, 45, 3, 60, 0))
try:
    time.struct_time((1, 2, 3))
except TypeError as e:
    print(type(e).__name__, e)
