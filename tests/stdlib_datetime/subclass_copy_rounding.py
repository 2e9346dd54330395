# subclasses (repr, arithmetic result types), copy/deepcopy, custom tzinfo, float rounding in timedelta and fromtimestamp
import copy
class pickle:
    loads = staticmethod(lambda x: copy.deepcopy(x))
    dumps = staticmethod(lambda x: x)
from datetime import date, datetime, time, timedelta, timezone, tzinfo, UTC, MINYEAR, MAXYEAR
class MyDate(date):
    def double_day(self): return self.day * 2
md = MyDate(2024, 5, 6)
print(repr(md), md.double_day(), type(md + timedelta(1)).__name__, type(md.replace(day=7)).__name__, MyDate.fromordinal(1))
class Stamp(datetime):
    pass
s = Stamp(2024, 1, 2, 3, 4, 5)
print(repr(s), type(s + timedelta(hours=1)).__name__, type(Stamp.fromisoformat('2024-01-01')).__name__, s.date(), type(s.date()).__name__)
d = datetime(2024, 2, 29, 13, 45, 10, 5, tzinfo=timezone(timedelta(hours=3), 'MSK'))
print(copy.copy(d) == d, copy.deepcopy(d) == d, pickle.loads(pickle.dumps(d)) == d, pickle.loads(pickle.dumps(timedelta(1, 2, 3))))
print(pickle.loads(pickle.dumps(date(2020, 1, 1))), pickle.loads(pickle.dumps(time(1, 2, 3, 4))), pickle.loads(pickle.dumps(timezone.utc)))
class GMT1(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=1)
    def dst(self, dt): return timedelta(0)
    def tzname(self, dt): return 'GMT+1'
g = datetime(2024, 6, 1, 12, tzinfo=GMT1())
print(g.utcoffset(), g.tzname(), g.isoformat(), g.astimezone(UTC), g.strftime('%Z %z'), g.timetuple().tm_isdst)
print(UTC is timezone.utc, MINYEAR, MAXYEAR, timedelta(seconds=1.0000005), timedelta(seconds=2.5e-6), timedelta(microseconds=0.5), timedelta(microseconds=1.5))
print(timedelta(days=0.1, hours=0.1, minutes=0.1), timedelta(weeks=-1.5), timedelta(1) * 0.1, timedelta(1) / 3, timedelta(seconds=1) / 3)
print(datetime.fromtimestamp(-1.5, UTC), datetime.fromtimestamp(1.9999999, UTC), datetime.fromtimestamp(0.0000005, UTC))
print(datetime(1970, 1, 1, tzinfo=UTC).timestamp(), datetime(2038, 1, 19, 3, 14, 8, tzinfo=UTC).timestamp(), datetime(1, 1, 1, tzinfo=UTC).timestamp())
print(date(2024, 1, 1) == 5, date(2024, 1, 1) != 'x', timedelta(1) == 1, time(1) == time(1, 0), datetime(2024, 1, 1) in {datetime(2024, 1, 1): 1})
print(time(12, tzinfo=timezone(timedelta(hours=2))) == time(10, tzinfo=UTC), time(12) < time(12, 0, 1), hash(time(5)) == hash(time(5)))
print(d.replace(tzinfo=None), d.timetz(), d.astimezone(UTC).isoformat(timespec='milliseconds'))
print(datetime.combine(date(2024, 1, 1), time(1, tzinfo=UTC), tzinfo=None), date.today() <= date.max, isinstance(datetime.now(), date))
print(datetime.strptime('2024', '%Y') < datetime.strptime('2025', '%Y'), (datetime(2024, 3, 31) - datetime(2024, 3, 1)).days)
for f in [lambda: date(2024, 1, 1) - 1, lambda: datetime(2024, 1, 1) + date(2024, 1, 1), lambda: timedelta(1) + 1,
          lambda: date(2024, 1, 1) < 3, lambda: timedelta('1'), lambda: time(1) < datetime(2024, 1, 1)]:
    try:
        f()
    except TypeError as e:
        print('TypeError')
