# datetime.strptime / fromisoformat / isoformat(timespec) / strftime directives
from datetime import datetime, time

for s in ['2024-02-29T13:45:10', '2024-02-29 13:45:10.5', '2024-02-29T13:45:10.123456+05:30',
          '2024-02-29T13:45Z', '20240229T134510', '2024-02-29']:
    print(repr(datetime.fromisoformat(s)))
d = datetime(2024, 2, 29, 13, 45, 10, 123456)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(spec, d.isoformat(timespec=spec), d.isoformat(' ', spec))
print(d.strftime('%a %A %b %B %d %H %I %j %m %M %p %S %f %y %Y %w %%'))
print(d.ctime(), str(d), repr(d.replace(microsecond=0)), repr(d.replace(second=0, microsecond=0)))
for text, fmt in [('29/02/2024 13:45', '%d/%m/%Y %H:%M'), ('Feb 29 2024 1:45PM', '%b %d %Y %I:%M%p'),
                  ('2024-060', '%Y-%j'), ('24-2-9 7:05:03.25', '%y-%m-%d %H:%M:%S.%f'),
                  ('2024-02-29T13:45:10+0100', '%Y-%m-%dT%H:%M:%S%z'),
                  ('Thursday, 29 February 2024', '%A, %d %B %Y')]:
    print(repr(datetime.strptime(text, fmt)))
for text, fmt in [('2024-13-01', '%Y-%m-%d'), ('2024-02-30', '%Y-%m-%d'), ('2024-02-29 extra', '%Y-%m-%d'),
                  ('12:00', '%H:%M:%Q')]:
    try:
        datetime.strptime(text, fmt)
    except ValueError as e:
        print('ValueError', e)
for s in ['2024-13-01', 'not a date', '2024-02-29T25:00']:
    try:
        datetime.fromisoformat(s)
    except ValueError as e:
        print('ValueError', e)
print(repr(time.fromisoformat('13:45:10.5')), repr(time.fromisoformat('T1345')), time(7, 5).strftime('%H.%M %p'))
