# TextCalendar month/year layouts, first weekday, widths
import calendar
print(calendar.month(2024, 2))
calendar.prmonth(2023, 12)
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2024, 9, 3, 1))
print(calendar.calendar(2024))
print(calendar.TextCalendar().formatyear(2025, 2, 1, 4, 4))
print(calendar.weekheader(2), '|', calendar.weekheader(9))
