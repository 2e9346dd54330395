print("_cyc_a start")
from _cyc_b import b_value
a_value = "A"
print("_cyc_a end")
