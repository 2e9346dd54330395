# Functions are values: stored, passed, returned.
def apply(fn, *args):
    return fn(*args)
def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "max": max}
print({k: apply(v, 3, 4) for k, v in ops.items()})
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), list(map(compose(str, abs), [-1, 2])))
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.partial(pow, 2)(10))
