# datetime with timezones: utc, fixed offsets, astimezone, timestamps, naive/aware rules
from datetime import datetime, timedelta, timezone, time, date

utc = timezone.utc
cet = timezone(timedelta(hours=1), 'CET')
est = timezone(timedelta(hours=-5))
dt = datetime(2024, 3, 10, 12, 30, tzinfo=utc)
print(repr(dt), dt, dt.isoformat(), dt.tzname(), dt.utcoffset(), dt.dst())
print(repr(cet), str(cet), repr(est), str(est), est.tzname(None), timezone.min, timezone.max)
print(dt.astimezone(cet), dt.astimezone(est), dt.astimezone(est).tzinfo)
print(dt == dt.astimezone(est), dt.astimezone(est) - dt, hash(dt) == hash(dt.astimezone(cet)))
print(dt.timestamp(), datetime.fromtimestamp(0, utc), datetime.fromtimestamp(1710073800.25, est))
print(datetime.fromtimestamp(1e9, tz=timezone(timedelta(hours=5, minutes=30))))
print(dt.strftime('%Y-%m-%d %H:%M:%S %z %Z'), dt.astimezone(cet).strftime('%z|%:z|%Z'))
print(datetime(2024, 1, 1, tzinfo=timezone(timedelta(seconds=-3661))).isoformat())
naive = datetime(2024, 3, 10, 12, 30)
print(naive == dt, naive.utcoffset(), naive.replace(tzinfo=utc) == dt)
for f in [lambda: naive < dt, lambda: naive - dt, lambda: timezone(timedelta(hours=25)),
          lambda: timezone('x'), lambda: datetime(2024, 1, 1, tzinfo='UTC')]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
t = time(23, 59, 1, 5, tzinfo=cet)
print(repr(t), t, t.isoformat('seconds'), t.utcoffset(), t.tzname(), t.replace(tzinfo=None))
print(datetime.combine(date(2024, 5, 5), t), datetime.combine(date(2024, 5, 5), time(8)).time())
print(utc.fromutc(datetime(2024, 1, 1, tzinfo=utc)), dt.timetz(), dt.date(), dt.time())
print(dt.utctimetuple())
