# timedelta: normalisation, repr/str, arithmetic with ints/floats/timedeltas
from datetime import timedelta

values = [timedelta(), timedelta(days=1, hours=2), timedelta(hours=-1), timedelta(seconds=90.5),
          timedelta(weeks=2, minutes=3), timedelta(milliseconds=1.5), timedelta(days=-2, seconds=5),
          timedelta(microseconds=-1), timedelta(0.5)]
for v in values:
    print(repr(v), '|', str(v), '|', v.days, v.seconds, v.microseconds, v.total_seconds())
a, b = timedelta(hours=5), timedelta(minutes=45)
print(a + b, a - b, b - a, -a, abs(-a), a * 3, 2 * b, a * 0.25, a / 4, a / b, a // b, a % b)
print(divmod(a, b), a // 7, a / 1.5, a > b, a == timedelta(seconds=18000), bool(timedelta(0)))
print(sum([timedelta(minutes=m) for m in range(10)], timedelta()))
print(timedelta.max, timedelta.min, timedelta.resolution)
print(sorted([timedelta(1), timedelta(-1), timedelta(0)]))
print(timedelta(days=999999999) - timedelta(days=1))
for f in [lambda: timedelta(days=1_000_000_000), lambda: timedelta.max + timedelta(1),
          lambda: timedelta(1) / 0, lambda: timedelta(1) // timedelta(0)]:
    try:
        f()
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
