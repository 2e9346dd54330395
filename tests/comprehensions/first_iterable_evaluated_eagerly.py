# The first iterable of a generator expression is evaluated immediately; the rest lazily.
try:
    g = (x for x in 5)
except TypeError as e:
    print("eager:", type(e).__name__, e)
g = (y for x in [1] for y in 5)
print("second iterable not evaluated yet")
try:
    next(g)
except TypeError as e:
    print("lazy:", type(e).__name__, e)
