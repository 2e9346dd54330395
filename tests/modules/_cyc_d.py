print("_cyc_d start")
import _cyc_c
print("_cyc_d sees", _cyc_c.value)
