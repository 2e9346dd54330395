import functools
from functools import *
@lru_cache(maxsize=2)
def f(x): return x * 2
print(f(1), f(2), f(1), f(3), f(2))
print(f.cache_info(), f.cache_parameters(), f.__name__, f.__wrapped__.__name__)
f.cache_clear(); print(f.cache_info())
@cache
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(80), fib.cache_info())
@lru_cache
def g(x): return x
print(g(1), g.cache_info())
@lru_cache(typed=True)
def h(x): return type(x).__name__
print(h(1), h(1.0), h.cache_info())
try: lru_cache(maxsize='a')
except TypeError as e: print(e)
def deco(fn):
    @wraps(fn)
    def w(*a, **k):
        "wrapper"
        return fn(*a, **k)
    return w
@deco
def target(a, b=2):
    "target doc"
    return a + b
print(target.__name__, target.__doc__, target.__wrapped__.__name__, target(1))
print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) >= V(2), V(2) > V(1), V(1) <= V(1))
try:
    @total_ordering
    class W: pass
except ValueError as e: print(e)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 7))
try: reduce(len, [])
except TypeError as e: print(e)
p = partial(int, base=2); print(p('101'), p.func, p.args, p.keywords)
def three(a, b, c): return (a, b, c)
p2 = partial(partial(three, 1), 2); print(p2(3), p2.args, p2.func is three)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@singledispatch
def show(x): return f'obj {x!r}'
@show.register
def _(x: int): return f'int {x}'
@show.register(list)
def _(x): return f'list {len(x)}'
print(show(1), show([1, 2]), show('s'), show(True))
class C:
    @cached_property
    def val(self):
        print('computing')
        return 42
    def m(self, a, b): return (a, b)
    pm = partialmethod(m, 1)
c = C(); print(c.val, c.val, c.pm(2))
