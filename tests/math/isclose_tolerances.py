# isclose with default, relative and absolute tolerances; inf/nan handling; bad tolerances.
import math
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.0 + 1e-8), math.isclose(0.1 + 0.2, 0.3))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(100, 101, rel_tol=0.01))
print(math.isclose(100, 102, rel_tol=0.01), math.isclose(5, 5), math.isclose(-1.0, -1.0000000001))
inf, nan = math.inf, math.nan
print(math.isclose(inf, inf), math.isclose(inf, -inf), math.isclose(nan, nan), math.isclose(inf, 1e308, rel_tol=1.0))
for kwargs in ({"rel_tol": -0.1}, {"abs_tol": -1}):
    try:
        math.isclose(1, 1, **kwargs)
    except ValueError as e:
        print(kwargs, type(e).__name__, e)
for args, kwargs in (((1, 1, 0.1), {}), ((1,), {}), (("1", 1), {})):
    try:
        math.isclose(*args, **kwargs)
    except TypeError as e:
        print(type(e).__name__, e)
