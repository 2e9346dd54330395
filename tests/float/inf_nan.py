# inf and nan: creation, arithmetic and comparisons.
inf = float("inf"); nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("NAN"), float("-nan"))
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308)
print(inf == inf, nan is nan, [nan] == [nan])
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0), math.isfinite(inf))
print(max(1.0, inf), min(-inf, 0.0))
print(repr(inf), str(nan), int(1e300) > 0)
