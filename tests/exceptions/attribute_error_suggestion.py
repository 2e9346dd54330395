# AttributeError suggestions in the traceback.
import math
values = [3, 1, 2]
try:
    values.apend(4)
except AttributeError as e:
    print("caught:", e)
math.sqr(4)
