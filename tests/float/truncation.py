# int(), math.floor/ceil/trunc on floats.
import math
for x in (2.7, -2.7, 2.0, -0.5, 1e20):
    print(x, int(x), math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
print(int(1e30), int(-1.5e25))
