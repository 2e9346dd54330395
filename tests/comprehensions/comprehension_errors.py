# Errors inside comprehensions propagate normally.
try:
    print([1 / x for x in (1, 0)])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    {[x]: x for x in range(2)}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {x: y for x, y in [(1, 2), (3,)]}
except ValueError as e:
    print(type(e).__name__, e)
