# calendar's functions: isleap, leapdays, weekday, monthrange, timegm, names, iterators
import calendar
print([y for y in range(1896, 1910) if calendar.isleap(y)], calendar.isleap(2000), calendar.isleap(2100))
print(calendar.leapdays(1900, 2025), calendar.leapdays(2024, 2025))
print(calendar.weekday(2024, 2, 29), repr(calendar.weekday(1970, 1, 1)), calendar.day_name[calendar.weekday(2000, 1, 1)])
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 2), calendar.monthrange(2024, 12))
print(calendar.timegm((1970, 1, 1, 0, 0, 0)), calendar.timegm((2024, 2, 29, 13, 45, 10, 0, 0, 0)))
print(calendar.timegm((2000, 1, 1, 0, 0, 0, 5, 1, 0)))
print(list(calendar.month_name), list(calendar.month_abbr)[1:4])
print(list(calendar.day_name), list(calendar.day_abbr))
print(calendar.monthcalendar(2024, 3))
c = calendar.Calendar(firstweekday=6)
print(list(c.iterweekdays()), c.getfirstweekday())
print(list(c.itermonthdays(2024, 2))[:8], list(c.itermonthdays2(2024, 2))[:3])
print(list(c.itermonthdays3(2024, 3))[:3], list(c.itermonthdates(2024, 3))[:2])
print(calendar.Calendar().monthdayscalendar(2021, 2))
print(calendar.MONDAY, calendar.SUNDAY, calendar.JANUARY, calendar.DECEMBER, int(calendar.Month.MARCH))
for f in [lambda: calendar.monthrange(2024, 13), lambda: calendar.setfirstweekday(7),
          lambda: calendar.month(2024, 0)]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday())
print(calendar.month(2024, 2))
