# time.strptime errors: CPython's messages
import time
cases = [('2024-13-01', '%Y-%m-%d'), ('2024-01-01x', '%Y-%m-%d'), ('2024', '%Q'), ('2024', '%Y%'),
         ('2023-02-29', '%Y-%m-%d'), (2024, '%Y'), ('2024', 5), ('2024 10', '%G %V'),
         ('2024 10 1', '%Y %V %u'), ('25:00', '%H:%M'), ('', '%Y')]
for args in cases:
    try:
        print(time.strptime(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
time.strptime('31/04/2024', '%d/%m/%Y')
