print("_cyc_b start")
from _cyc_a import a_value
b_value = "B"
