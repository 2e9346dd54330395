# datetime objects hash as CPython's C datetime does: naive date/time/datetime hash their packed
# bytes (so the value depends on PYTHONHASHSEED), aware ones and timedelta hash a timedelta's
# (days, seconds, microseconds) tuple; fold never changes the hash.
import datetime as D
from _child import output

utc = D.timezone.utc
plus = D.timezone(D.timedelta(hours=5, minutes=30))
print(hash(D.timedelta(1, 2, 3)) == hash((1, 2, 3)), hash(plus) == hash(D.timedelta(hours=5, minutes=30)))
print(hash(D.datetime(2020, 1, 2, 3, 4, tzinfo=utc)) == hash(D.datetime(2020, 1, 2, 8, 34, tzinfo=plus)))
print(hash(D.time(3, 4, tzinfo=utc)) == hash(D.time(8, 34, tzinfo=plus)))
print(hash(D.datetime(2020, 1, 2, 3, 4, 5, 6, tzinfo=utc)), hash(D.time(3, 4, 5, 6, tzinfo=plus)))
print(hash(D.datetime(2020, 1, 2, tzinfo=utc)) == hash(D.timedelta(D.date(2020, 1, 2).toordinal())))
print(repr(D.datetime(2000, 1, 1, tzinfo=utc, fold=1)), repr(D.time(1, tzinfo=utc, fold=1)))

CODE = r'''
import datetime as D
m3 = D.timezone(D.timedelta(hours=-3), 'X')
for v in [D.date(2020, 1, 2), D.date(1, 1, 1), D.date(9999, 12, 31),
          D.datetime(2020, 1, 2, 3, 4, 5, 6), D.datetime(1, 1, 1), D.datetime(2020, 1, 2, 3, 4, 5, 999999),
          D.time(), D.time(3, 4, 5, 6), D.time(23, 59, 59, 999999)]:
    print(repr(v), hash(v))
print(hash(D.date(2020, 1, 2)) == hash(bytes([7, 228, 1, 2])))
print(hash(D.datetime(2020, 1, 2, 3, 4, 5, 6, fold=1)) == hash(D.datetime(2020, 1, 2, 3, 4, 5, 6)))
print(hash(D.time(3, 4, fold=1)) == hash(D.time(3, 4)))
print(hash(D.datetime(2020, 1, 2, 23, 4, tzinfo=m3, fold=1)) == hash(D.datetime(2020, 1, 3, 2, 4, tzinfo=D.timezone.utc)))
'''
for seed in ['0', '1', '4242']:
    print('PYTHONHASHSEED=%s' % seed)
    print(output(seed, CODE), end='')
