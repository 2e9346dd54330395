# A generator cannot be resumed while it is running.
def g():
    yield next(me)
me = g()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
