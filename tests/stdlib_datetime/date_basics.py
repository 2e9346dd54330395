# date: construction, arithmetic, comparisons, calendar helpers, formatting
from datetime import date, timedelta

d = date(2024, 2, 29)
print(repr(d), d, d.year, d.month, d.day)
print(d.weekday(), d.isoweekday(), d.isocalendar(), d.isocalendar().week, d.toordinal())
print(d + timedelta(days=1), d - timedelta(days=60), d - date(2023, 12, 25))
print(d.replace(year=2028), d.replace(day=1), d.ctime(), d.isoformat())
print(d.strftime('%A %d %B %Y, day %j, week %U'), f'{d:%d/%m/%y}', format(d), str(d))
print(date(2024, 1, 1) < d, d == date(2024, 2, 29), d != date(2024, 3, 1), max(d, date(2025, 1, 1)))
print(sorted([date(2023, 5, 1), date(2021, 7, 9), date(2024, 1, 1)]))
print(len({date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 2)}))
print(date.fromordinal(1), date.fromordinal(739000), date.min, date.max, date.resolution)
print(date.fromisoformat('2021-07-09'), date.fromisoformat('20210709'), date.fromisoformat('2021-W27-5'))
print(date.fromisocalendar(2020, 53, 7), date(2021, 1, 3).isocalendar(), date(2019, 12, 30).isocalendar())
print(d.timetuple())
for y, m, dd in [(2023, 2, 29), (2024, 0, 1), (10000, 1, 1), (2024, 4, 31)]:
    try:
        date(y, m, dd)
    except ValueError as e:
        print('ValueError', e)
try:
    date.fromisoformat('2024/01/01')
except ValueError as e:
    print('ValueError', e)
try:
    date.max + timedelta(days=1)
except OverflowError as e:
    print('OverflowError', e)
