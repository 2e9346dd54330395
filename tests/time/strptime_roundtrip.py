# strptime parses into struct_time; calendar.timegm inverts gmtime.
import time, calendar
t = time.strptime("2024-02-29 13:45:10", "%Y-%m-%d %H:%M:%S")
print(t[:9])
print(time.strftime("%d %b %Y", t), calendar.timegm(t), time.gmtime(calendar.timegm(t))[:6] == t[:6])
print(calendar.timegm(time.gmtime(0)), calendar.timegm((1970, 1, 2, 0, 0, 0)), calendar.timegm(time.gmtime(1234567890)))
print(time.strptime("31/12/99", "%d/%m/%y")[:3], time.strptime("Mon Jan  5 00:00:00 1970")[:3])
for s, fmt in (("2024-13-01", "%Y-%m-%d"), ("hello", "%Y"), ("2024", "%Y %m")):
    try:
        time.strptime(s, fmt)
    except ValueError as e:
        print(type(e).__name__, e)
