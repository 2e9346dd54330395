# Generator states and exhaustion.
import inspect
def g():
    yield 1
it = g()
print(inspect.getgeneratorstate(it))
next(it)
print(inspect.getgeneratorstate(it))
for _ in it:
    pass
print(inspect.getgeneratorstate(it), list(it), next(it, "default"))
def running():
    yield inspect.getgeneratorstate(r)
r = running()
print(next(r))
